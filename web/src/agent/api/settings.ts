import { ok, type Api } from '../../shared/api/client.ts';

// The signed-in agent's own settings: PATCH /api/auth/me/preferences and the agent calendar feed token.

export const updatePreferences = (api: Api, change: { notifyNewConversations: boolean }) =>
  ok(api.PATCH('/api/auth/me/preferences', { body: change }));

export const issueAgentCalendar = (api: Api, agentId: string) =>
  ok(api.POST('/api/oncall/agents/{agentId}/calendar-token', { params: { path: { agentId } } }));

export const revokeAgentCalendar = (api: Api, agentId: string) =>
  ok(api.DELETE('/api/oncall/agents/{agentId}/calendar-token', { params: { path: { agentId } } }));
