import type { ApiSend } from '../session/session.tsx';

// The signed-in agent's own settings: PATCH /api/auth/me/preferences and the agent calendar feed token.

export interface Preferences {
  notifyNewConversations: boolean;
}

export const updatePreferences = (send: ApiSend, change: Partial<Preferences>) => send<Preferences>('PATCH', '/api/auth/me/preferences', change);

export interface CalendarToken {
  kind: string;
  subject: string;
  /** Shown once: the server keeps only its hash. */
  url: string;
}

/** A new secret feed URL of the agent's shifts; the previous one stops working. */
export const issueAgentCalendar = (send: ApiSend, agentId: string) =>
  send<CalendarToken>('POST', `/api/oncall/agents/${encodeURIComponent(agentId)}/calendar-token`);

export const revokeAgentCalendar = (send: ApiSend, agentId: string) =>
  send<null>('DELETE', `/api/oncall/agents/${encodeURIComponent(agentId)}/calendar-token`);
