import { safeHref } from '../../shared/api/safeHref.ts';
import { formatDateTime } from '../../shared/format/relativeTime.ts';
import { displayName, formatAddress, type Message, type Person } from '../api/conversations.ts';
import { ReplyToArticleButton } from '../kb/ReplyToArticleButton.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { DeliveryStatus } from './DeliveryStatus.tsx';
import { MessageBody } from './MessageBody.tsx';
import { MessageFlags } from './MessageFlags.tsx';
import { threadMatchHint } from './threadMatch.ts';
import { ReplyRating, type Rating } from '../ratings/ReplyRating.tsx';

const directionLabels: Record<Message['direction'] | 'call', string> = {
  inbound: 'Received',
  outbound: 'Sent',
  note: 'Internal note',
  call: 'Phone call',
};

/** How a screen reader names the card: whose message, note or logged call it is. */
const cardLabel = (kind: string, who: string) =>
  kind === 'note' ? `Note from ${who}` : kind === 'call' ? `Call logged by ${who}` : `Message from ${who}`;

const addressList = (people: Person[]) => people.map(formatAddress).join(', ');

interface MessageCardProps {
  message: Message;
  /** Set where the card may change the message (retry a failed reply): the conversation, and how to reload it. */
  conversationId?: string;
  onChanged?: () => void;
  /** The customer's rating of this reply, when they gave one. */
  rating?: Rating | undefined;
}

export function MessageCard({ message, conversationId, onChanged, rating }: MessageCardProps) {
  const { from, to, cc, flags, attachments, problems } = message;
  const sentAt = new Date(message.sentAt);
  const rawHref = safeHref(message.rawUrl, location.href);
  const hint = threadMatchHint(message.threadMatch);
  // "Sent" already says an outbound message is ours; the flag matters only on mail that claims to come in.
  const shownFlags = message.direction === 'outbound' ? flags.filter((flag) => flag !== 'own-message') : flags;
  // Notes and calls are the team's own record: shown apart, never as mail. A call's subject says which way and how long.
  const kind = message.kind === 'note' || message.kind === 'call' ? message.kind : message.direction;
  // A reply the team sent can become a knowledge base article (shown where the card belongs to its conversation).
  const articleSource = kind === 'outbound' && conversationId !== undefined && onChanged !== undefined;
  return (
    <article class={`message message-${kind}`} aria-label={cardLabel(kind, displayName(from))}>
      <header class="message-header">
        <p class="message-from">
          <strong>{displayName(from)}</strong>
          {from?.name?.trim() && <span class="address"> &lt;{from.email}&gt;</span>}
        </p>
        <p class="message-when">
          <span class="direction">{kind === 'call' ? message.subject || directionLabels.call : directionLabels[kind]}</span>{' '}
          <time dateTime={message.sentAt}>{formatDateTime(sentAt)}</time>
          {hint && <span class="thread-hint"> · {hint}</span>}
        </p>
        {to.length > 0 && <p class="message-recipients">To: {addressList(to)}</p>}
        {cc.length > 0 && <p class="message-recipients">Cc: {addressList(cc)}</p>}
        {shownFlags.length > 0 && <MessageFlags flags={shownFlags} />}
        {conversationId && onChanged && <DeliveryStatus conversationId={conversationId} message={message} onChanged={onChanged} />}
      </header>
      {problems.length > 0 && (
        <div class="problems-note" role="note">
          <p>This mail could not be read cleanly; check the original.</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <MessageBody message={message} />
      {attachments.length > 0 && <AttachmentList attachments={attachments} />}
      {rating && <ReplyRating rating={rating} />}
      {(rawHref || articleSource) && (
        <footer class="message-footer">
          {rawHref && (
            <a href={rawHref} target="_blank" rel="noopener noreferrer">
              View original
            </a>
          )}{' '}
          {articleSource && <ReplyToArticleButton conversationId={conversationId} messageId={message.id} />}
        </footer>
      )}
    </article>
  );
}
