import { queryOptions } from '@tanstack/preact-query';
import { ok, type Api, type Schema } from '../../shared/api/client.ts';

// The calling agent's own saved replies (GET/POST /api/saved-replies, PUT/DELETE /api/saved-replies/{id}) and their
// rendering for a conversation. Placeholders are filled in by the server only (docs/api.md, Saved replies).

export type SavedReply = Schema<'SavedReplyView'>;
export type SavedReplyList = Schema<'SavedReplyList'>;

export interface SavedReplyDraft {
  name: string;
  body: string;
}

export const savedRepliesQuery = (api: Api) =>
  queryOptions({ queryKey: ['saved-replies'], queryFn: ({ signal }) => ok(api.GET('/api/saved-replies', { signal })) });

export const createSavedReply = (api: Api, draft: SavedReplyDraft) => ok(api.POST('/api/saved-replies', { body: draft }));

export const updateSavedReply = (api: Api, id: string, draft: SavedReplyDraft) =>
  ok(api.PUT('/api/saved-replies/{id}', { params: { path: { id } }, body: draft }));

export const deleteSavedReply = (api: Api, id: string) => ok(api.DELETE('/api/saved-replies/{id}', { params: { path: { id } } }));

export const renderSavedReply = async (api: Api, conversationId: string, replyId: string) =>
  (await ok(api.POST('/api/conversations/{id}/saved-replies/{replyId}/render', { params: { path: { id: conversationId, replyId } } }))).text;

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
