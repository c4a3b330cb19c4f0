import type { ApiGet, ApiSend } from '../session/session.tsx';
import type { ConversationStatus } from './conversations.ts';

// The conversation toolbar's contract: PATCH /api/conversations/{id}, notes, presence, GET /api/assignees.

export interface ConversationState {
  id: string;
  status: ConversationStatus;
  snoozedUntil: string | null;
  closedAt: string | null;
  assigneeId: string | null;
  tags: string[];
  version: number;
}

/** Absent fields stay as they are; `assigneeId: null` unassigns. */
export interface ConversationChange {
  status?: ConversationStatus;
  snoozedUntil?: string;
  assigneeId?: string | null;
  tags?: string[];
}

export interface Assignee {
  id: string;
  name: string;
  email: string;
  /** What follows @ to mention them in a note. */
  handles: string[];
}

export interface AssigneeList {
  /** The signed-in agent's id; null for an API key, which is nobody. */
  me: string | null;
  items: Assignee[];
}

export type PresenceState = 'viewing' | 'replying';

export interface Presence {
  agentId: string;
  name: string;
  state: PresenceState;
  seenAt: string;
}

const path = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export const updateConversation = (send: ApiSend, id: string, change: ConversationChange) =>
  send<ConversationState>('PATCH', path(id), change);

export const addNote = (send: ApiSend, id: string, text: string) => send<{ id: string; mentioned: string[] }>('POST', `${path(id)}/notes`, { text });

/** A heartbeat; answers who else has the conversation open. */
export const beatPresence = (send: ApiSend, id: string, state: PresenceState) =>
  send<{ others: Presence[] }>('POST', `${path(id)}/presence`, { state });

export const listAssignees = (get: ApiGet, signal?: AbortSignal) => get<AssigneeList>('/api/assignees', signal);

/** "Alice is viewing", "Alice and Bob are replying", … : one line per state, replying first. */
export function presenceText(others: Presence[]): string[] {
  const lines: string[] = [];
  for (const state of ['replying', 'viewing'] as const) {
    const names = others.filter((other) => other.state === state).map((other) => other.name);
    if (names.length === 0) continue;
    const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    lines.push(`${who} ${names.length === 1 ? 'is' : 'are'} ${state}`);
  }
  return lines;
}
