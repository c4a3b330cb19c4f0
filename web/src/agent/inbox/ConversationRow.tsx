import type { Ref } from 'preact';
import { formatDateTime, formatRelativeTime } from '../../shared/format/relativeTime.ts';
import { displayName, type ConversationSummary } from '../api/conversations.ts';
import { RatingBadge } from '../ratings/RatingBadge.tsx';
import { conversationHref } from '../routing.ts';

interface ConversationRowProps {
  conversation: ConversationSummary;
  now: Date;
  selected: boolean;
  /** The assignee's name, when assigned. */
  assignee: string | null;
  linkRef: Ref<HTMLAnchorElement>;
  onFocus: () => void;
}

export function ConversationRow({ conversation, now, selected, assignee, linkRef, onFocus }: ConversationRowProps) {
  const { customer, subject, preview, messageCount, status, tags, unread } = conversation;
  const lastActivity = new Date(conversation.lastActivityAt);
  return (
    <li class={`conversation-row${selected ? ' is-selected' : ''}${unread ? ' is-unread' : ''}`}>
      <a href={conversationHref(conversation.id)} ref={linkRef} onFocus={onFocus}>
        <span class="row-customer" title={customer.email}>
          {unread && <span class="unread-dot" role="img" aria-label="Unread" />}
          {displayName(customer)}
        </span>
        <time class="row-time" dateTime={conversation.lastActivityAt} title={formatDateTime(lastActivity)}>
          {formatRelativeTime(lastActivity, now)}
        </time>
        <span class="row-subject">
          {subject || '(no subject)'}
          {status !== 'open' && <span class={`status status-${status}`}>{status}</span>}
          <RatingBadge rating={conversation.latestRating} />
        </span>
        <span class="row-count">
          {assignee ? <span class="row-assignee">{assignee}</span> : <span class="row-assignee is-unassigned">Unassigned</span>}
          {messageCount === 1 ? '1 message' : `${messageCount} messages`}
        </span>
        {tags.length > 0 && (
          <span class="row-tags">
            {tags.map((tag) => (
              <span key={tag} class="tag">
                {tag}
              </span>
            ))}
          </span>
        )}
        <span class="row-preview">{preview}</span>
      </a>
    </li>
  );
}
