import './inbox.css';
import { useInfiniteQuery } from '@tanstack/preact-query';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { useNow } from '../../shared/ui/useNow.ts';
import { assigneeName, useAssignees } from '../assignees/useAssignees.ts';
import { inboxQuery } from '../api/conversations.ts';
import { conversationHref, inboxFilter, type InboxView, type StatusFilter } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { ConversationRow } from './ConversationRow.tsx';
import { InboxViewTabs, StatusFilterTabs } from './InboxTabs.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { useListKeyboard } from './useListKeyboard.ts';

/**
 * Live updates by polling, not server-sent events: the Functions consumption plan bills and times out a held-open
 * connection per agent, while a refresh is one InboxIndex range query (plus at most two ReadMarks queries) per page
 * shown, so every 20 s while the tab is visible costs little and works the same behind any proxy.
 */
export const inboxRefreshMs = 20_000;

const labels: Record<InboxView, string> = { mine: 'assigned to you', unassigned: 'unassigned', all: '' };

/** `/inbox?status=…&view=…`: keyed by both, so a new filter starts afresh (selection too). */
export function InboxPage() {
  const { status, view } = inboxFilter(useRoute().query);
  return <Inbox key={`${view}-${status}`} status={status} view={view} />;
}

/** The conversations of one view and status, newest activity first. */
function Inbox({ status, view }: { status: StatusFilter; view: InboxView }) {
  const now = useNow();
  const assignees = useAssignees();
  const { route } = useLocation();
  const { data, error, isPending, isFetchingNextPage, hasNextPage, fetchNextPage } = useInfiniteQuery({
    ...inboxQuery(useApi(), status, view),
    refetchInterval: inboxRefreshMs,
  });
  const items = data?.pages.flatMap((page) => page.items) ?? [];

  const open = (index: number) => {
    const item = items[index];
    if (item) route(conversationHref(item.id));
  };
  const [selected, setSelected] = useListKeyboard(items.length, open);
  const rows = useRef<(HTMLAnchorElement | null)[]>([]);
  // Focus the selected row before the next key arrives, so "j" then a quick Enter opens that row.
  useLayoutEffect(() => {
    const row = rows.current[selected];
    row?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <section class="inbox" aria-labelledby="inbox-title">
      <div class="inbox-heading">
        <h1 id="inbox-title">Inbox</h1>
        <SearchBox />
        <InboxViewTabs current={view} status={status} />
        <StatusFilterTabs current={status} view={view} />
      </div>
      {items.length > 0 && (
        <ol class="conversation-list" aria-label="Conversations">
          {items.map((conversation, index) => (
            <ConversationRow
              key={conversation.id}
              conversation={conversation}
              now={now}
              selected={index === selected}
              assignee={assigneeName(assignees, conversation.assigneeId)}
              linkRef={(link) => {
                rows.current[index] = link;
              }}
              onFocus={() => setSelected(index)}
            />
          ))}
        </ol>
      )}
      {data && items.length === 0 && (
        <p class="empty">No {status} conversations{labels[view] ? ` ${labels[view]}` : ''}.</p>
      )}
      {error && <ErrorMessage error={error} />}
      {(isPending || isFetchingNextPage) && <p class="loading">Loading conversations…</p>}
      {hasNextPage && (
        <button type="button" class="load-more" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          Load more
        </button>
      )}
      {items.length > 0 && (
        <p class="hint">
          <kbd>j</kbd> / <kbd>k</kbd> to move, <kbd>Enter</kbd> to open
        </p>
      )}
    </section>
  );
}
