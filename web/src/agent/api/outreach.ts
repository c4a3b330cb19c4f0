import { queryOptions } from '@tanstack/preact-query';
import { ok, type Api, type Schema } from '../../shared/api/client.ts';

// The outreach template (GET/PUT /api/outreach/template): what drafts opened by error alerts start from.

export type OutreachTemplate = Schema<'OutreachTemplateView'>;

export const outreachTemplateQuery = (api: Api) =>
  queryOptions({
    queryKey: ['outreach', 'template'],
    queryFn: ({ signal }) => ok(api.GET('/api/outreach/template', { signal })),
  });

export const putOutreachTemplate = (api: Api, subject: string, body: string) =>
  ok(api.PUT('/api/outreach/template', { body: { subject, body } }));
