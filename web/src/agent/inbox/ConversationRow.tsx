import type { Ref } from 'preact';
import { formatDateTime, formatRelativeTime } from '../../shared/format/relativeTime.ts';
import { displayName, type ConversationSummary } from '../api/conversations.ts';
import { conversationHref } from '../routing.ts';

interface ConversationRowProps {
  conversation: ConversationSummary;
  now: Date;
  selected: boolean;
  linkRef: Ref<HTMLAnchorElement>;
  onFocus: () => void;
}

export function ConversationRow({ conversation, now, selected, linkRef, onFocus }: ConversationRowProps) {
  const { customer, subject, preview, messageCount, status } = conversation;
  const lastActivity = new Date(conversation.lastActivityAt);
  return (
    <li class={selected ? 'conversation-row is-selected' : 'conversation-row'}>
      <a href={conversationHref(conversation.id)} ref={linkRef} onFocus={onFocus}>
        <span class="row-customer" title={customer.email}>
          {displayName(customer)}
        </span>
        <time class="row-time" dateTime={conversation.lastActivityAt} title={formatDateTime(lastActivity)}>
          {formatRelativeTime(lastActivity, now)}
        </time>
        <span class="row-subject">
          {subject || '(no subject)'}
          {status !== 'open' && <span class={`status status-${status}`}>{status}</span>}
        </span>
        <span class="row-count">{messageCount === 1 ? '1 message' : `${messageCount} messages`}</span>
        <span class="row-preview">{preview}</span>
      </a>
    </li>
  );
}
