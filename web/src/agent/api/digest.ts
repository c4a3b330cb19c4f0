import { queryOptions } from '@tanstack/preact-query';
import { ok, type Api, type Schema } from '../../shared/api/client.ts';

// The weekly digest: GET /api/digest/preview (the digest the next weekly run would send).

export type WeeklyDigest = Schema<'WeeklyDigest'>;
export type DigestFigure = Schema<'DigestFigure'>;

export const digestPreviewQuery = (api: Api) =>
  queryOptions({
    queryKey: ['digest', 'preview'],
    queryFn: ({ signal }) => ok(api.GET('/api/digest/preview', { signal })),
  });
