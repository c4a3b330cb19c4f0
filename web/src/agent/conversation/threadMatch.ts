/**
 * A short hint for a message threaded by a guess rather than by its headers, so an agent can spot a wrong join;
 * undefined when the match needs no comment (it started the conversation, or its headers or reply address said so).
 */
export function threadMatchHint(match: string): string | undefined {
  switch (match) {
    case 'Subject':
      return 'threaded by subject';
    case 'ThreadIndex':
      return 'threaded by Outlook thread';
    case 'ReferencedByLaterMessage':
      return 'threaded by a later reply';
    case 'BroadcastReply':
      return 'reply to a broadcast';
    case 'AutomaticMail':
      return 'grouped with automatic mail';
    case 'Bounce':
      return 'bounce of a message sent here';
    default:
      return undefined;
  }
}
