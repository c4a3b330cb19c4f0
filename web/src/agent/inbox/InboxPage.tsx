import './inbox.css';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { useNow } from '../../shared/ui/useNow.ts';
import { listConversations, type ConversationSummary } from '../api/conversations.ts';
import { conversationHref, type StatusFilter } from '../routing.ts';
import { useApiGet } from '../session/session.tsx';
import { ConversationRow } from './ConversationRow.tsx';
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

/** The conversations of one status, newest activity first. Keyed by status, so a new filter starts afresh. */
export function InboxPage({ status }: { status: StatusFilter }) {
  const get = useApiGet();
  const now = useNow();
  const [inbox, setInbox] = useState(firstLoad);
  const pending = useRef<AbortController | null>(null);

  const load = useCallback(
    async (continuationToken: string | null) => {
      pending.current?.abort();
      const request = (pending.current = new AbortController());
      setInbox((current) => ({ ...current, loading: true, error: null }));
      try {
        const page = await listConversations(get, status, continuationToken, request.signal);
        setInbox((current) => ({
          items: continuationToken ? [...current.items, ...page.items] : page.items,
          continuationToken: page.continuationToken,
          loading: false,
          error: null,
        }));
      } catch (error) {
        if (!isAbort(error)) setInbox((current) => ({ ...current, loading: false, error }));
      }
    },
    [get, status],
  );

  useEffect(() => {
    void load(null);
    return () => pending.current?.abort();
  }, [load]);

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
        <StatusFilterTabs current={status} />
      </div>
      {items.length > 0 && (
        <ol class="conversation-list" aria-label="Conversations">
          {items.map((conversation, index) => (
            <ConversationRow
              key={conversation.id}
              conversation={conversation}
              now={now}
              selected={index === selected}
              linkRef={(link) => {
                rows.current[index] = link;
              }}
              onFocus={() => setSelected(index)}
            />
          ))}
        </ol>
      )}
      {!loading && !error && items.length === 0 && (
        <p class="empty">No {status} conversations.</p>
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
