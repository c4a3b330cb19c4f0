import './library.css';
import { useInfiniteQuery } from '@tanstack/preact-query';
import { useRoute } from 'preact-iso';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { useNow } from '../../shared/ui/useNow.ts';
import { assigneeName, useAssignees } from '../assignees/useAssignees.ts';
import { searchQuery } from '../api/search.ts';
import { ConversationRow } from '../inbox/ConversationRow.tsx';
import { inboxHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { SearchBox } from './SearchBox.tsx';

/** /search?q=: conversations with every word of the query, newest conversation first, a page at a time. */
export function SearchPage() {
  const q = useRoute().query['q'] ?? '';
  const now = useNow();
  const assignees = useAssignees();
  const { data, error, isFetching, hasNextPage, fetchNextPage } = useInfiniteQuery(searchQuery(useApi(), q));
  const items = data?.pages.flatMap((page) => page.items) ?? [];
  const terms = data?.pages[0]?.terms ?? [];
  return (
    <section class="search-page" aria-labelledby="search-title">
      <a class="back-link" href={inboxHref()}>
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
      {data && items.length === 0 && !hasNextPage && <p class="empty">No conversations match “{q}”.</p>}
      {error && <ErrorMessage error={error} />}
      {isFetching && <p class="loading">Searching…</p>}
      {!isFetching && hasNextPage && (
        <button type="button" class="load-more" onClick={() => void fetchNextPage()}>
          More results
        </button>
      )}
    </section>
  );
}
