import './inbox.css';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { useNow } from '../../shared/ui/useNow.ts';
import { assigneeName, useAssignees } from '../assignees/useAssignees.ts';
import { inboxPageSize, listConversations, type ConversationSummary } from '../api/conversations.ts';
import { conversationHref, type InboxView, type StatusFilter } from '../routing.ts';
import { useApiGet } from '../session/session.tsx';
import { ConversationRow } from './ConversationRow.tsx';
import { InboxViewTabs } from './InboxViewTabs.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { StatusFilterTabs } from './StatusFilterTabs.tsx';
import { useListKeyboard } from './useListKeyboard.ts';

interface InboxState {
  items: ConversationSummary[];
  continuationToken: string | null;
  loading: boolean;
  error: unknown;
}

const firstLoad: InboxState = { items: [], continuationToken: null, loading: true, error: null };

/**
 * Live updates by polling, not server-sent events: the Functions consumption plan bills and times out a held-open
 * connection per agent, while a refresh is one InboxIndex range query (plus at most two ReadMarks queries), so every
 * 20 s while the tab is visible costs little and works the same behind any proxy.
 */
export const inboxRefreshMs = 20_000;

const labels: Record<InboxView, string> = { mine: 'assigned to you', unassigned: 'unassigned', all: '' };

/** The conversations of one view and status, newest activity first. Keyed by both, so a new filter starts afresh. */
export function InboxPage({ status, view }: { status: StatusFilter; view: InboxView }) {
  const get = useApiGet();
  const now = useNow();
  const assignees = useAssignees();
  const [inbox, setInbox] = useState(firstLoad);
  const pending = useRef<AbortController | null>(null);
  const busy = useRef(false);

  const load = useCallback(
    async (continuationToken: string | null) => {
      pending.current?.abort();
      const request = (pending.current = new AbortController());
      setInbox((current) => ({ ...current, loading: true, error: null }));
      busy.current = true;
      try {
        const page = await listConversations(get, status, continuationToken, request.signal, view);
        setInbox((current) => ({
          items: continuationToken ? [...current.items, ...page.items] : page.items,
          continuationToken: page.continuationToken,
          loading: false,
          error: null,
        }));
      } catch (error) {
        if (!isAbort(error)) setInbox((current) => ({ ...current, loading: false, error }));
      } finally {
        if (pending.current === request) busy.current = false;
      }
    },
    [get, status, view],
  );

  useEffect(() => {
    void load(null);
    return () => pending.current?.abort();
  }, [load]);

  // Refreshes the first page in place; pages loaded with "Load more" stay below it.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.hidden || busy.current) return;
      listConversations(get, status, null, undefined, view).then(
        (page) =>
          setInbox((current) => {
            const fresh = new Set(page.items.map((item) => item.id));
            const older = current.items.slice(inboxPageSize).filter((item) => !fresh.has(item.id));
            const loadedMore = current.items.length > inboxPageSize;
            return {
              ...current,
              items: [...page.items, ...older],
              continuationToken: loadedMore ? current.continuationToken : page.continuationToken,
            };
          }),
        () => undefined,
      );
    }, inboxRefreshMs);
    return () => clearInterval(timer);
  }, [get, status, view]);

  const open = useCallback(
    (index: number) => {
      const item = inbox.items[index];
      if (item) location.hash = conversationHref(item.id);
    },
    [inbox.items],
  );
  const [selected, setSelected] = useListKeyboard(inbox.items.length, open);
  const rows = useRef<(HTMLAnchorElement | null)[]>([]);
  // Focus the selected row before the next key arrives, so "j" then a quick Enter opens that row.
  useLayoutEffect(() => {
    const row = rows.current[selected];
    row?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const { items, continuationToken, loading, error } = inbox;
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
      {!loading && !error && items.length === 0 && (
        <p class="empty">No {status} conversations{labels[view] ? ` ${labels[view]}` : ''}.</p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {loading && <p class="loading">Loading conversations…</p>}
      {!loading && continuationToken && (
        <button type="button" class="load-more" onClick={() => load(continuationToken)}>
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
