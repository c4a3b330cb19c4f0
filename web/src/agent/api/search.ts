import { infiniteQueryOptions } from '@tanstack/preact-query';
import { ok, withQuery, type Api } from '../../shared/api/client.ts';
import { conversationsKey } from './conversations.ts';

// GET /api/search: conversations containing every word of the query, newest conversation first.

export const searchPageSize = 20;

export const searchQuery = (api: Api, q: string) =>
  infiniteQueryOptions({
    queryKey: [...conversationsKey, 'search', q],
    queryFn: ({ pageParam, signal }) =>
      ok(api.GET('/api/search', { signal, ...withQuery({ q, limit: searchPageSize, continuationToken: pageParam }) })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.continuationToken,
    enabled: q.trim() !== '',
  });
