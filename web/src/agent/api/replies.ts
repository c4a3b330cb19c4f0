import { ApiError } from '../../shared/api/problem.ts';
import { ok, type Api } from '../../shared/api/client.ts';
import type { Message } from './conversations.ts';

// Replies of the JSON API: POST /api/conversations/{id}/replies and …/messages/{messageId}/retry.

export type StatusAfter = 'open' | 'pending' | 'closed';

export interface ReplyAttachment {
  name: string;
  contentType: string;
  contentBase64: string;
}

export interface ReplyInput {
  text: string;
  cc?: string[];
  attachments?: ReplyAttachment[];
  statusAfter: StatusAfter;
}

/** The request body: what the reply leaves out goes as null (the API's records take every field). */
export const replyBody = (reply: ReplyInput) => ({
  text: reply.text,
  html: null,
  cc: reply.cc ?? null,
  attachments: reply.attachments ?? null,
  statusAfter: reply.statusAfter,
});

/** The entity tag of a conversation version, as GET sends it and a reply sends it back. */
export const versionTag = (version: number) => `"v${version}"`;

/** Sends a reply composed against `version`; the same `idempotencyKey` on a retry never sends twice. */
export const sendReply = (api: Api, conversationId: string, version: number, reply: ReplyInput, idempotencyKey: string) =>
  ok(
    api.POST('/api/conversations/{id}/replies', {
      params: { path: { id: conversationId } },
      body: replyBody(reply),
      headers: { 'If-Match': versionTag(version), 'Idempotency-Key': idempotencyKey },
    }),
  );

export const retryDelivery = (api: Api, conversationId: string, messageId: string) =>
  ok(api.POST('/api/conversations/{id}/messages/{messageId}/retry', { params: { path: { id: conversationId, messageId } } }));

/** What a 409 to a reply says: the items that arrived since the version the agent saw, and the version now. */
export interface StaleReply {
  currentVersion: number;
  newMessages: Message[];
}

/** The stale-reply details of an error, or null when it is some other failure. */
export function staleReply(error: unknown): StaleReply | null {
  if (!(error instanceof ApiError) || error.status !== 409 || typeof error.body !== 'object' || error.body === null) return null;
  const body = error.body as Record<string, unknown>;
  if (typeof body.currentVersion !== 'number' || !Array.isArray(body.newMessages)) return null;
  return { currentVersion: body.currentVersion, newMessages: body.newMessages as Message[] };
}

type DeliveryTone = 'progress' | 'good' | 'warning' | 'bad';

const deliveryLabels: Record<string, { label: string; tone: DeliveryTone }> = {
  sending: { label: 'Sending…', tone: 'progress' },
  sent: { label: 'Sent', tone: 'good' },
  deferred: { label: 'Delayed (receiving server deferred it)', tone: 'warning' },
  delivered: { label: 'Delivered', tone: 'good' },
  opened: { label: 'Opened', tone: 'good' },
  bounced: { label: 'Bounced', tone: 'bad' },
  dropped: { label: 'Dropped by SendGrid', tone: 'bad' },
  failed: { label: 'Failed to send', tone: 'bad' },
};

/** How an outbound email's state reads to an agent, and whether it needs their attention (an unknown state: as is). */
export function deliveryLabel(state: string): { label: string; tone: DeliveryTone } {
  return Object.hasOwn(deliveryLabels, state) ? deliveryLabels[state]! : { label: state, tone: 'warning' };
}

/** True while some reply of the conversation is still on its way to the provider (the page then refreshes itself). */
export const hasPendingDelivery = (messages: Message[]) => messages.some((m) => m.deliveryState === 'sending');
