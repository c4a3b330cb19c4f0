import './library.css';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { useNow } from '../../shared/ui/useNow.ts';
import type { ConversationSummary } from '../api/conversations.ts';
import { assigneeName, useAssignees } from '../assignees/useAssignees.ts';
import { searchConversations } from '../api/search.ts';
import { ConversationRow } from '../inbox/ConversationRow.tsx';
import { useApiGet } from '../session/session.tsx';
import { SearchBox } from './SearchBox.tsx';

interface Results {
  items: ConversationSummary[];
  terms: string[];
  continuationToken: string | null;
  loading: boolean;
  error: unknown;
}

const empty: Results = { items: [], terms: [], continuationToken: null, loading: false, error: null };

/** #/search?q=: conversations with every word of the query, newest conversation first, a page at a time. */
export function SearchPage({ q }: { q: string }) {
  const get = useApiGet();
  const now = useNow();
  const assignees = useAssignees();
  const [results, setResults] = useState<Results>(empty);
  const pending = useRef<AbortController | null>(null);

  const load = useCallback(
    async (continuationToken: string | null) => {
      pending.current?.abort();
      const request = (pending.current = new AbortController());
      setResults((current) => ({ ...(continuationToken ? current : empty), loading: true, error: null }));
      try {
        const page = await searchConversations(get, q, continuationToken, request.signal);
        setResults((current) => ({
          items: continuationToken ? [...current.items, ...page.items] : page.items,
          terms: page.terms,
          continuationToken: page.continuationToken,
          loading: false,
          error: null,
        }));
      } catch (error) {
        if (!isAbort(error)) setResults((current) => ({ ...current, loading: false, error }));
      }
    },
    [get, q],
  );

  useEffect(() => {
    if (q.trim()) void load(null);
    return () => pending.current?.abort();
  }, [load, q]);

  const { items, terms, continuationToken, loading, error } = results;
  return (
    <section class="search-page" aria-labelledby="search-title">
      <a class="back-link" href="#/inbox">
        ← Inbox
      </a>
      <div class="inbox-heading">
        <h1 id="search-title">Search</h1>
        <SearchBox key={q} initial={q} />
      </div>
      {terms.length > 0 && <p class="hint">Conversations containing: {terms.join(', ')}</p>}
      {items.length > 0 && (
        <ol class="conversation-list" aria-label="Search results">
          {items.map((conversation) => (
            <ConversationRow key={conversation.id} conversation={conversation} now={now} selected={false} assignee={assigneeName(assignees, conversation.assigneeId)} linkRef={() => undefined} onFocus={() => undefined} />
          ))}
        </ol>
      )}
      {!q.trim() && <p class="empty">Type words to look for in subjects, customers and messages.</p>}
      {q.trim() && !loading && !error && items.length === 0 && !continuationToken && <p class="empty">No conversations match “{q}”.</p>}
      {error !== null && <ErrorMessage error={error} />}
      {loading && <p class="loading">Searching…</p>}
      {!loading && continuationToken && (
        <button type="button" class="load-more" onClick={() => load(continuationToken)}>
          More results
        </button>
      )}
    </section>
  );
}
