import { infiniteQueryOptions, queryOptions } from '@tanstack/preact-query';
import { ok, withQuery, type Api, type Schema } from '../../shared/api/client.ts';
import { onCallKey } from './oncall.ts';

// The escalation contract of the JSON API (/api/oncall/policies, /pages, /agents/{id}/paging). Durations are "hh:mm:ss".

export type AfterHoursRule = Schema<'AfterHoursRule'>;
export type EscalationPolicy = Schema<'EscalationPolicy'>;
export type PolicyInput = Omit<EscalationPolicy, 'mailbox' | 'stepCount'>;
/** A mailbox and its policy; null policy: nobody is paged. `etag` goes back as If-Match. */
export type PolicyView = Schema<'PolicyView'>;

// A page's channels and conversations are free-form JSON in the document (JsonElement); this is what the API writes.
export interface PageChannel {
  channel: 'email' | 'webhook' | 'sms' | 'voice';
  ok: boolean;
  detail: string | null;
}

export interface PagedConversation {
  id: string;
  subject: string;
  mailbox: string;
  level: number;
}

export type PageRecord = Omit<Schema<'PageView'>, 'channels' | 'conversations'> & { channels: PageChannel[]; conversations: PagedConversation[] };

export const policiesQuery = (api: Api) =>
  queryOptions({
    queryKey: [...onCallKey, 'policies'],
    queryFn: ({ signal }) => ok(api.GET('/api/oncall/policies', { signal })),
    select: (list) => list.items,
  });

/** Pages sent, newest first, 20 at a time. */
export const pagesQuery = (api: Api) =>
  infiniteQueryOptions({
    queryKey: [...onCallKey, 'pages'],
    queryFn: async ({ pageParam, signal }) => {
      const log = await ok(api.GET('/api/oncall/pages', { signal, ...withQuery({ limit: 20, continuationToken: pageParam }) }));
      return { ...log, items: log.items as PageRecord[] };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (log) => log.continuationToken,
  });

/** Creates the policy (etag null) or replaces the one read (409 when it changed since). */
export const putPolicy = (api: Api, mailbox: string, input: PolicyInput, etag: string | null) =>
  ok(api.PUT('/api/oncall/policies/{mailbox}', { params: { path: { mailbox } }, body: input, headers: etag ? { 'If-Match': etag } : {} }));

export const setPageWebhook = (api: Api, agentId: string, webhookUrl: string | null) =>
  ok(api.PUT('/api/oncall/agents/{agentId}/paging', { params: { path: { agentId } }, body: { webhookUrl } }));
