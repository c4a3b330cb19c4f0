/** What each flag means, for the badge's tooltip. */
const meanings: Record<string, string> = {
  'auto-reply': 'Sent automatically (out of office, newsletter, …); it does not reopen the conversation.',
  bounce: 'A delivery failure report for a message sent from here.',
  unparsed: 'Not readable as an email; the original is kept.',
  'new-participant': 'The sender joined the conversation by replying; the customer did not write to them here.',
  'own-message': 'Sent from one of our own mailboxes.',
  'trainee-mail-reply': "A trainee's answer by mail, kept as a note; not sent.",
  list: 'Sent through a mailing list; it reopens the conversation like any mail from a person.',
  'unverified-mail-reply': "Claims to be an agent's answer by mail but could not be verified; kept as a note, not sent.",
};

export function MessageFlags({ flags }: { flags: string[] }) {
  return (
    <ul class="flags" aria-label="Flags">
      {flags.map((flag) => (
        <li key={flag} class={`flag flag-${flag}`} title={meanings[flag]}>
          {flag}
        </li>
      ))}
    </ul>
  );
}
