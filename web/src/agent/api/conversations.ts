import type { ApiGet } from '../session/session.tsx';
import type { StatusFilter } from '../routing.ts';

// The conversations contract of the JSON API (GET /api/conversations, GET /api/conversations/{id}).

export type ConversationStatus = 'open' | 'pending' | 'closed';

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
}

/** One page of the inbox, newest activity first. */
export interface ConversationPage {
  items: ConversationSummary[];
  continuationToken: string | null;
}

export interface Participant extends Person {
  flagged: boolean;
}

export interface Attachment {
  name: string;
  contentType: string;
  size: number;
  url: string;
}

export interface Message {
  id: string;
  direction: 'inbound' | 'outbound' | 'note';
  from: Person;
  to: Person[];
  cc: Person[];
  sentAt: string;
  messageId: string;
  /** The whole text, quoted history and signature included. */
  text: string;
  /** The text without quoted history and signature. */
  visibleText: string;
  /** Sanitized by the server; still shown only in a sandboxed frame. */
  html: string | null;
  attachments: Attachment[];
  /** e.g. "auto-reply", "bounce", "unparsed", "new-participant". */
  flags: string[];
  rawUrl: string;
}

export interface Conversation {
  id: string;
  subject: string;
  status: ConversationStatus;
  mailbox: string;
  customer: Person;
  participants: Participant[];
  messages: Message[];
}

export function listConversations(
  get: ApiGet,
  status: StatusFilter,
  continuationToken: string | null,
  signal?: AbortSignal,
): Promise<ConversationPage> {
  const query = new URLSearchParams();
  if (status !== 'all') query.set('status', status);
  if (continuationToken) query.set('continuationToken', continuationToken);
  const search = query.size > 0 ? `?${query}` : '';
  return get<ConversationPage>(`/api/conversations${search}`, signal);
}

export function getConversation(get: ApiGet, id: string, signal?: AbortSignal): Promise<Conversation> {
  return get<Conversation>(`/api/conversations/${encodeURIComponent(id)}`, signal);
}

/** "Ada Lovelace" when the name is known, the address otherwise. */
export const displayName = (person: Person) => person.name?.trim() || person.email;

/** "Ada Lovelace <ada@example.com>" when the name is known, the bare address otherwise. */
export const formatAddress = (person: Person) =>
  person.name?.trim() ? `${person.name.trim()} <${person.email}>` : person.email;
