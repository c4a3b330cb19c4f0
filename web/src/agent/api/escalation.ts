import type { ApiGet, ApiSend } from '../session/session.tsx';
import type { WeeklyWindow } from './oncall.ts';

// The escalation contract of the JSON API (/api/oncall/policies, /pages, /agents/{id}/paging). Durations are "hh:mm:ss".

export type AfterHoursRule = 'page' | 'wait';

export interface EscalationLevel {
  escalateAfter: string;
  scheduleId: string | null;
  agentIds: string[];
}

export interface SupportHours {
  timeZoneId: string;
  windows: WeeklyWindow[];
}

export interface EscalationPolicy {
  mailbox: string;
  targetFirstResponse: string;
  levels: EscalationLevel[];
  repeat: number;
  afterHours: AfterHoursRule;
  supportHours: SupportHours | null;
}

export type PolicyInput = Omit<EscalationPolicy, 'mailbox'>;

/** A mailbox and its policy; null policy: nobody is paged. `etag` goes back as If-Match. */
export interface PolicyView {
  mailbox: string;
  policy: EscalationPolicy | null;
  etag: string | null;
  updatedAt: string | null;
}

export interface PageChannel {
  channel: 'email' | 'webhook';
  ok: boolean;
  detail: string | null;
}

export interface PagedConversation {
  id: string;
  subject: string;
  mailbox: string;
  level: number;
}

export interface PageRecord {
  id: string;
  sentAt: string;
  agentId: string;
  recipient: string;
  channels: PageChannel[];
  conversations: PagedConversation[];
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

export interface PageLog {
  items: PageRecord[];
  continuationToken: string | null;
}

const policyPath = (mailbox: string) => `/api/oncall/policies/${encodeURIComponent(mailbox)}`;

export const listPolicies = (get: ApiGet, signal?: AbortSignal) => get<{ items: PolicyView[] }>('/api/oncall/policies', signal);

/** Creates the policy (etag null) or replaces the one read (409 when it changed since). */
export const putPolicy = (send: ApiSend, mailbox: string, input: PolicyInput, etag: string | null) =>
  send<PolicyView>('PUT', policyPath(mailbox), input, etag ? { 'If-Match': etag } : undefined);

export const listPages = (get: ApiGet, continuationToken: string | null, signal?: AbortSignal) =>
  get<PageLog>(`/api/oncall/pages?limit=20${continuationToken ? `&continuationToken=${encodeURIComponent(continuationToken)}` : ''}`, signal);

export const setPageWebhook = (send: ApiSend, agentId: string, webhookUrl: string | null) =>
  send<{ agentId: string; webhookUrl: string | null }>('PUT', `/api/oncall/agents/${encodeURIComponent(agentId)}/paging`, { webhookUrl });
