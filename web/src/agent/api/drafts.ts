import type { ApiGet, ApiSend } from '../session/session.tsx';
import type { Message } from './conversations.ts';
import { versionTag, type ReplyInput, type StatusAfter } from './replies.ts';

// Drafts for approval: POST /api/conversations/{id}/drafts, GET …/drafts, GET /api/drafts, PUT /api/drafts/{id},
// POST /api/drafts/{id}/approve and …/return.

export type DraftState = 'submitted' | 'approving' | 'approved' | 'returned';

export interface DraftPerson {
  id: string;
  name: string | null;
}

export interface Draft {
  id: string;
  conversationId: string;
  subject: string;
  state: DraftState;
  version: number;
  author: DraftPerson;
  text: string;
  cc: string[];
  attachments: { name: string; contentType: string; size: number }[];
  statusAfter: StatusAfter;
  submittedAt: string;
  returnComment: string | null;
  returnedBy: DraftPerson | null;
  approvedBy: DraftPerson | null;
  sentMessageId: string | null;
}

export interface DraftSummary {
  id: string;
  conversationId: string;
  subject: string;
  state: DraftState;
  author: DraftPerson;
  preview: string;
  submittedAt: string;
  returnComment: string | null;
}

const draftPath = (id: string) => `/api/drafts/${encodeURIComponent(id)}`;

export const submitDraft = (send: ApiSend, conversationId: string, draft: ReplyInput) =>
  send<Draft>('POST', `/api/conversations/${encodeURIComponent(conversationId)}/drafts`, draft);

export const conversationDrafts = (get: ApiGet, conversationId: string, signal?: AbortSignal) =>
  get<{ items: Draft[] }>(`/api/conversations/${encodeURIComponent(conversationId)}/drafts`, signal).then((list) => list.items);

/** Agents: the approval queue. Trainees: their own drafts (the server decides). */
export const listDrafts = (get: ApiGet, signal?: AbortSignal) => get<{ items: DraftSummary[] }>('/api/drafts', signal).then((list) => list.items);

export const updateDraft = (send: ApiSend, id: string, draft: ReplyInput) => send<Draft>('PUT', draftPath(id), draft);

/** Sends the draft against the conversation `version` the approver sees; `text` edits it first. */
export const approveDraft = (send: ApiSend, draft: Draft, conversationVersion: number, text?: string) =>
  send<{ draft: Draft; message: Message }>(
    'POST',
    `${draftPath(draft.id)}/approve`,
    { version: draft.version, ...(text === undefined ? {} : { text }) },
    { 'If-Match': versionTag(conversationVersion) },
  );

export const returnDraft = (send: ApiSend, id: string, comment: string) => send<Draft>('POST', `${draftPath(id)}/return`, { comment });

/** Drafts a conversation page shows: those still waiting (or being sent) and those returned; sent ones are messages now. */
export const openDrafts = (drafts: Draft[]) => drafts.filter((draft) => draft.state !== 'approved');

/** How a draft's state reads on the page. */
export function draftStateLabel(draft: Pick<Draft, 'state' | 'returnedBy'>): string {
  switch (draft.state) {
    case 'submitted':
      return 'Waiting for approval';
    case 'approving':
      return 'Being sent';
    case 'approved':
      return 'Approved and sent';
    case 'returned':
      return `Returned${draft.returnedBy?.name ? ` by ${draft.returnedBy.name}` : ''}`;
  }
}
