import type { ApiGet, ApiSend } from '../session/session.tsx';

// The calling agent's own saved replies (GET/POST /api/saved-replies, PUT/DELETE /api/saved-replies/{id}) and their
// rendering for a conversation. Placeholders are filled in by the server only (docs/api.md, Saved replies).

export interface SavedReply {
  id: string;
  name: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface SavedReplyList {
  items: SavedReply[];
  /** The placeholders a body may use, e.g. "customer.firstName". */
  placeholders: string[];
}

export interface SavedReplyDraft {
  name: string;
  body: string;
}

export function listSavedReplies(get: ApiGet, signal?: AbortSignal): Promise<SavedReplyList> {
  return get<SavedReplyList>('/api/saved-replies', signal);
}

export async function createSavedReply(send: ApiSend, draft: SavedReplyDraft): Promise<SavedReply> {
  return (await send<SavedReply>('POST', '/api/saved-replies', draft))!;
}

export async function updateSavedReply(send: ApiSend, id: string, draft: SavedReplyDraft): Promise<SavedReply> {
  return (await send<SavedReply>('PUT', `/api/saved-replies/${encodeURIComponent(id)}`, draft))!;
}

export async function deleteSavedReply(send: ApiSend, id: string): Promise<void> {
  await send('DELETE', `/api/saved-replies/${encodeURIComponent(id)}`);
}

/** The reply with its placeholders filled in for the conversation. */
export async function renderSavedReply(send: ApiSend, conversationId: string, replyId: string): Promise<string> {
  const rendered = await send<{ text: string }>(
    'POST',
    `/api/conversations/${encodeURIComponent(conversationId)}/saved-replies/${encodeURIComponent(replyId)}/render`,
  );
  return rendered!.text;
}

/**
 * The replies whose name contains every word typed, case and accents ignored; names starting with the query first,
 * then by name. An empty query keeps them all.
 */
export function filterSavedReplies<T extends { name: string }>(replies: T[], query: string): T[] {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  const wanted = fold(query.trim());
  return replies
    .filter((reply) => words.every((word) => fold(reply.name).includes(word)))
    .sort((a, b) => {
      const prefix = Number(fold(b.name).startsWith(wanted)) - Number(fold(a.name).startsWith(wanted));
      return prefix || a.name.localeCompare(b.name);
    });
}
