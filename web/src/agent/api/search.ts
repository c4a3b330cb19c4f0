import type { ApiGet } from '../session/session.tsx';
import type { ConversationSummary } from './conversations.ts';

// GET /api/search: conversations containing every word of the query, newest conversation first.

export interface SearchResults {
  /** The words searched for, after common words were dropped. */
  terms: string[];
  items: ConversationSummary[];
  continuationToken: string | null;
}

export const searchPageSize = 20;

export function searchConversations(get: ApiGet, q: string, continuationToken: string | null, signal?: AbortSignal): Promise<SearchResults> {
  const query = new URLSearchParams({ q, limit: String(searchPageSize) });
  if (continuationToken) query.set('continuationToken', continuationToken);
  return get<SearchResults>(`/api/search?${query}`, signal);
}
