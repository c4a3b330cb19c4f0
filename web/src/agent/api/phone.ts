import { queryOptions } from '@tanstack/preact-query';
import { ok, type Api, type Schema } from '../../shared/api/client.ts';
import { onCallKey } from './oncall.ts';

// Phone pages (/api/oncall/agents/{id}/notifications, /contacts/{channel}, /rules): verified numbers and the rules that text or call.

export type PhoneChannel = 'sms' | 'voice';
export type NotificationSettings = Schema<'NotificationSettingsView'>;
export type NotificationRule = Schema<'NotificationRule'>;

export const notificationSettingsQuery = (api: Api, agentId: string) =>
  queryOptions({
    queryKey: [...onCallKey, 'notifications', agentId],
    queryFn: ({ signal }) => ok(api.GET('/api/oncall/agents/{agentId}/notifications', { signal, params: { path: { agentId } } })),
  });

/** Saves the number unverified and texts it a code. */
export const putContact = (api: Api, agentId: string, channel: PhoneChannel, number: string) =>
  ok(api.PUT('/api/oncall/agents/{agentId}/contacts/{channel}', { params: { path: { agentId, channel } }, body: { number } }));

export const verifyContact = (api: Api, agentId: string, channel: PhoneChannel, code: string) =>
  ok(api.POST('/api/oncall/agents/{agentId}/contacts/{channel}/verify', { params: { path: { agentId, channel } }, body: { code } }));

export const putRules = (api: Api, agentId: string, rules: { channel: PhoneChannel; afterMinutes: number }[]) =>
  ok(api.PUT('/api/oncall/agents/{agentId}/rules', { params: { path: { agentId } }, body: { rules } }));
