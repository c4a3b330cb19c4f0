import { queryOptions } from '@tanstack/preact-query';
import { ok, type Api, type Schema } from '../../shared/api/client.ts';

// Feature requests: POST/GET /api/conversations/{id}/feature-requests, DELETE …/{key}, GET /api/feature-requests,
// POST /api/feature-requests/{key}/ship.

export type FeatureSummary = Schema<'FeatureSummary'>;

/** Every feature-request query key starts so: tagging or shipping refreshes the list and the conversation's tags. */
export const featureRequestsKey = ['feature-requests'] as const;

export const conversationFeaturesQuery = (api: Api, conversationId: string) =>
  queryOptions({
    queryKey: [...featureRequestsKey, 'conversation', conversationId],
    queryFn: ({ signal }) => ok(api.GET('/api/conversations/{id}/feature-requests', { signal, params: { path: { id: conversationId } } })),
    select: (list) => list.items,
  });

export const featureRequestListQuery = (api: Api) =>
  queryOptions({
    queryKey: [...featureRequestsKey, 'list'],
    queryFn: ({ signal }) => ok(api.GET('/api/feature-requests', { signal })),
    select: (list) => list.items,
  });

export const tagFeature = (api: Api, conversationId: string, feature: string) =>
  ok(api.POST('/api/conversations/{id}/feature-requests', { params: { path: { id: conversationId } }, body: { feature } }));

export const untagFeature = (api: Api, conversationId: string, key: string) =>
  ok(api.DELETE('/api/conversations/{id}/feature-requests/{key}', { params: { path: { id: conversationId, key } } }));

export const shipFeature = (api: Api, key: string, message: string) =>
  ok(api.POST('/api/feature-requests/{key}/ship', { params: { path: { key } }, body: { message: message.trim() || null } }));
