import { safeHref } from '../../shared/api/safeHref.ts';
import { formatDateTime } from '../../shared/format/relativeTime.ts';
import { displayName, formatAddress, type Message, type Person } from '../api/conversations.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { MessageBody } from './MessageBody.tsx';

const directionLabels: Record<Message['direction'], string> = {
  inbound: 'Received',
  outbound: 'Sent',
  note: 'Internal note',
};

const addressList = (people: Person[]) => people.map(formatAddress).join(', ');

export function MessageCard({ message }: { message: Message }) {
  const { from, to, cc, flags, attachments } = message;
  const sentAt = new Date(message.sentAt);
  const rawHref = safeHref(message.rawUrl, location.href);
  return (
    <article class={`message message-${message.direction}`} aria-label={`Message from ${displayName(from)}`}>
      <header class="message-header">
        <p class="message-from">
          <strong>{displayName(from)}</strong>
          {from.name?.trim() && <span class="address"> &lt;{from.email}&gt;</span>}
        </p>
        <p class="message-when">
          <span class="direction">{directionLabels[message.direction]}</span>{' '}
          <time dateTime={message.sentAt}>{formatDateTime(sentAt)}</time>
        </p>
        {to.length > 0 && <p class="message-recipients">To: {addressList(to)}</p>}
        {cc.length > 0 && <p class="message-recipients">Cc: {addressList(cc)}</p>}
        {flags.length > 0 && (
          <ul class="flags" aria-label="Flags">
            {flags.map((flag) => (
              <li key={flag} class={`flag flag-${flag}`}>
                {flag.replace(/-/g, ' ')}
              </li>
            ))}
          </ul>
        )}
      </header>
      <MessageBody message={message} />
      {attachments.length > 0 && <AttachmentList attachments={attachments} />}
      {rawHref && (
        <footer class="message-footer">
          <a href={rawHref} target="_blank" rel="noopener noreferrer">
            View original
          </a>
        </footer>
      )}
    </article>
  );
}
