import { queryOptions } from '@tanstack/preact-query';
import { ok, type Api, type Schema } from '../../shared/api/client.ts';
import { replyBody, versionTag, type ReplyInput } from './replies.ts';

// Drafts for approval: POST /api/conversations/{id}/drafts, GET …/drafts, GET /api/drafts, PUT /api/drafts/{id},
// POST /api/drafts/{id}/approve and …/return.

export type DraftState = 'submitted' | 'approving' | 'approved' | 'returned';
export type Draft = Schema<'DraftView'>;
export type DraftSummary = Schema<'DraftSummary'>;

/** Every drafts query key starts so: a change to any draft refreshes the header count, the queue and the page's list. */
export const draftsKey = ['drafts'] as const;

/** The drafts of one conversation that the page shows (openDrafts). */
export const conversationDraftsQuery = (api: Api, conversationId: string) =>
  queryOptions({
    queryKey: [...draftsKey, 'conversation', conversationId],
    queryFn: ({ signal }) => ok(api.GET('/api/conversations/{id}/drafts', { signal, params: { path: { id: conversationId } } })),
    select: (list) => openDrafts(list.items),
  });

/** Agents: the approval queue. Trainees: their own drafts (the server decides). */
export const draftQueueQuery = (api: Api) =>
  queryOptions({
    queryKey: [...draftsKey, 'queue'],
    queryFn: ({ signal }) => ok(api.GET('/api/drafts', { signal })),
    select: (list) => list.items,
  });

export const submitDraft = (api: Api, conversationId: string, draft: ReplyInput) =>
  ok(api.POST('/api/conversations/{id}/drafts', { params: { path: { id: conversationId } }, body: replyBody(draft) }));

export const updateDraft = (api: Api, id: string, draft: ReplyInput) =>
  ok(api.PUT('/api/drafts/{id}', { params: { path: { id } }, body: replyBody(draft) }));

/** Sends the draft against the conversation `version` the approver sees; `text` edits it first. */
export const approveDraft = (api: Api, draft: Draft, conversationVersion: number, text?: string) =>
  ok(
    api.POST('/api/drafts/{id}/approve', {
      params: { path: { id: draft.id } },
      body: { version: draft.version, text: text ?? null, html: null, cc: null, statusAfter: null },
      headers: { 'If-Match': versionTag(conversationVersion) },
    }),
  );

export const returnDraft = (api: Api, id: string, comment: string) =>
  ok(api.POST('/api/drafts/{id}/return', { params: { path: { id } }, body: { comment } }));

/** Drafts a conversation page shows: those still waiting (or being sent) and those returned; sent ones are messages now. */
export const openDrafts = <T extends { state: string }>(drafts: T[]) => drafts.filter((draft) => draft.state !== 'approved');

/** How a draft's state reads on the page. */
export function draftStateLabel(draft: { state: string; returnedBy: { name: string | null } | null }): string {
  switch (draft.state as DraftState) {
    case 'submitted':
      return 'Waiting for approval';
    case 'approving':
      return 'Being sent';
    case 'approved':
      return 'Approved and sent';
    case 'returned':
      return `Returned${draft.returnedBy?.name ? ` by ${draft.returnedBy.name}` : ''}`;
    default:
      return draft.state;
  }
}
