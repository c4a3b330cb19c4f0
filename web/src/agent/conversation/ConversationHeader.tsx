import { displayName, formatAddress, type Conversation, type Participant } from '../api/conversations.ts';
import { conversationHref } from '../routing.ts';

const roleLabels: Record<string, string> = { customer: 'customer', cc: 'in Cc', participant: 'participant' };

/** Subject, status, customer and mailbox, then who takes part and which earlier conversation this continues. */
export function ConversationHeader({ conversation }: { conversation: Conversation }) {
  const { subject, status, mailbox, customer, participants, replyAddress, linkedConversationId } = conversation;
  return (
    <header class="conversation-header">
      <h1>{subject || '(no subject)'}</h1>
      <p class="conversation-meta">
        <span class={`status status-${status}`}>{status}</span>
        <span>{customer.email ? formatAddress(customer) : 'Unknown sender'}</span>
        <span title={`Replies go out from ${replyAddress}`}>to {mailbox}</span>
      </p>
      {linkedConversationId && (
        <p class="linked-conversation">
          Continues <a href={conversationHref(linkedConversationId)}>an earlier conversation</a>.
        </p>
      )}
      {participants.length > 0 && (
        <ul class="participants" aria-label="Participants">
          {participants.map((participant) => (
            <ParticipantItem key={participant.email} participant={participant} />
          ))}
        </ul>
      )}
    </header>
  );
}

function ParticipantItem({ participant }: { participant: Participant }) {
  return (
    <li class={participant.flagged ? 'participant is-flagged' : 'participant'} title={participant.email}>
      {displayName(participant)}{' '}
      {participant.flagged ? (
        <span class="flag flag-new-participant">new — joined by replying</span>
      ) : (
        <span class="participant-role">{roleLabels[participant.role] ?? participant.role}</span>
      )}
    </li>
  );
}
