import type { ApiGet } from '../session/session.tsx';
import type { InboxView, StatusFilter } from '../routing.ts';

// The conversations contract of the JSON API (GET /api/conversations, GET /api/conversations/{id}).

export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'closed';

/** Rows the inbox asks for at a time. */
export const inboxPageSize = 25;

export interface Person {
  email: string;
  name: string | null;
}

export interface ConversationSummary {
  id: string;
  subject: string;
  status: ConversationStatus;
  mailbox: string;
  customer: Person;
  messageCount: number;
  lastActivityAt: string;
  preview: string;
  /** The agent it is assigned to; null when unassigned. */
  assigneeId: string | null;
  tags: string[];
  snoozedUntil: string | null;
  /** Activity since the signed-in agent last had it open. */
  unread: boolean;
}

/** One page of the inbox, newest activity first. */
export interface ConversationPage {
  items: ConversationSummary[];
  continuationToken: string | null;
}

export interface Participant extends Person {
  /** "customer", "cc", or "participant" for someone who joined by replying. */
  role: string;
  /** Set for someone who joined the conversation by replying, not addressed by the customer. */
  flagged: boolean;
}

export interface Attachment {
  name: string;
  contentType: string;
  size: number;
  /** An image the HTML shows in place (its `cid:` reference is rewritten to `url`). */
  inline: boolean;
  contentId: string | null;
  /** A signed relative link, valid for an hour without the API key. */
  url: string;
}

export interface Message {
  id: string;
  /** An email (in or out), an internal note, a logged call. */
  kind: 'email' | 'note' | 'call';
  direction: 'inbound' | 'outbound' | 'note';
  /** The agent who wrote a reply, note or call; null for mail that came in. */
  authorAgentId: string | null;
  /** Outbound email only: how far it got (see DeliveryState in replies.ts). */
  deliveryState: string | null;
  /** Why it reached that state (provider answer, bounce reason). */
  deliveryDetail: string | null;
  /** Null when the mail had no readable From header. */
  from: Person | null;
  to: Person[];
  cc: Person[];
  sentAt: string;
  receivedAt: string;
  messageId: string;
  subject: string;
  /** The whole text, quoted history and signature included. */
  text: string;
  /** The text without quoted history and signature. */
  visibleText: string;
  /** Sanitized by the server, inline images pointing at signed links; still shown only in a sandboxed frame. */
  html: string | null;
  attachments: Attachment[];
  /** e.g. "auto-reply", "bounce", "unparsed", "new-participant", "own-message". */
  flags: string[];
  /** How the message was threaded: "None" (it started the conversation), "References", "Subject", … */
  threadMatch: string;
  /** What the parser could not read cleanly, in words. */
  problems: string[];
  /** A signed relative link to the message as received. */
  rawUrl: string;
}

export interface Conversation {
  id: string;
  subject: string;
  status: ConversationStatus;
  mailbox: string;
  customer: Person;
  participants: Participant[];
  /** The address a reply goes out from, so the customer's answer threads back here. */
  replyAddress: string;
  /** An earlier conversation this one continues (e.g. a reply to a closed one). */
  linkedConversationId: string | null;
  createdAt: string;
  lastActivityAt: string;
  assigneeId: string | null;
  tags: string[];
  snoozedUntil: string | null;
  /** Counts items; the ETag a reply sends back. Status, assignment and tags leave it alone. */
  version: number;
  messages: Message[];
}

export function listConversations(
  get: ApiGet,
  status: StatusFilter,
  continuationToken: string | null,
  signal?: AbortSignal,
  view: InboxView = 'all',
): Promise<ConversationPage> {
  const query = new URLSearchParams({ view, status, limit: String(inboxPageSize) });
  if (continuationToken) query.set('continuationToken', continuationToken);
  return get<ConversationPage>(`/api/conversations?${query}`, signal);
}

export function getConversation(get: ApiGet, id: string, signal?: AbortSignal): Promise<Conversation> {
  return get<Conversation>(`/api/conversations/${encodeURIComponent(id)}`, signal);
}

/** "Ada Lovelace" when the name is known, the address otherwise; "Unknown sender" when there is no one. */
export const displayName = (person: Person | null) => person?.name?.trim() || person?.email || 'Unknown sender';

/** "Ada Lovelace <ada@example.com>" when the name is known, the bare address otherwise. */
export const formatAddress = (person: Person) =>
  person.name?.trim() ? `${person.name.trim()} <${person.email}>` : person.email;
