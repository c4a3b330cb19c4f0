import { infiniteQueryOptions, queryOptions } from '@tanstack/preact-query';
import { ok, withQuery, type Api, type Schema } from '../../shared/api/client.ts';

// Status page subscribers: GET /api/status/subscribers (paged), DELETE /api/status/subscribers/{id}; component names
// from GET /api/status/components.

export type Subscriber = Schema<'SubscriberView'>;

export const subscribersKey = ['status-subscribers'] as const;

export const subscribersQuery = (api: Api) =>
  infiniteQueryOptions({
    queryKey: [...subscribersKey, 'list'],
    queryFn: ({ signal, pageParam }) =>
      ok(api.GET('/api/status/subscribers', { signal, ...withQuery({ limit: 100, continuationToken: pageParam }) })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.continuationToken ?? null,
  });

export const componentNamesQuery = (api: Api) =>
  queryOptions({
    queryKey: [...subscribersKey, 'components'],
    queryFn: ({ signal }) => ok(api.GET('/api/status/components', { signal })),
    select: (list) => new Map(list.items.map((c) => [c.id, c.name] as const)),
  });

export const removeSubscriber = (api: Api, id: string) => ok(api.DELETE('/api/status/subscribers/{id}', { params: { path: { id } } }));
