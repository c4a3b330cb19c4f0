import { ok, type Api, type Schema } from '../../shared/api/client.ts';
import type { ConversationStatus } from './conversations.ts';

// The conversation toolbar's contract: PATCH /api/conversations/{id}, notes, presence, GET /api/assignees.

export type ConversationState = Schema<'ConversationState'>;

/** Absent fields stay as they are; `assigneeId: null` unassigns. */
export interface ConversationChange {
  status?: ConversationStatus;
  snoozedUntil?: string;
  assigneeId?: string | null;
  tags?: string[];
}

export type Assignee = Schema<'AssigneeView'>;
/** The active agents; `me` is the signed-in agent's id (null for an API key, which is nobody). */
export type AssigneeList = Schema<'AssigneeList'>;

export type PresenceState = 'viewing' | 'replying';
export type Presence = Schema<'PresenceView'>;

// The document marks every field of the change as required; the API reads an absent one as "leave it".
export const updateConversation = (api: Api, id: string, change: ConversationChange) =>
  ok(api.PATCH('/api/conversations/{id}', { params: { path: { id } }, body: change as Schema<'ConversationChange'> }));

export const addNote = (api: Api, id: string, text: string) =>
  ok(api.POST('/api/conversations/{id}/notes', { params: { path: { id } }, body: { text } }));

/** A heartbeat; answers who else has the conversation open. */
export const beatPresence = (api: Api, id: string, state: PresenceState, signal?: AbortSignal) =>
  ok(api.POST('/api/conversations/{id}/presence', { signal, params: { path: { id } }, body: { state } }));

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
