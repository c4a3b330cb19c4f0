import { infiniteQueryOptions, queryOptions } from '@tanstack/preact-query';
import { ok, withQuery, type Api, type Schema } from '../../shared/api/client.ts';
import type { InboxView, StatusFilter } from '../routing.ts';

// The conversations contract of the JSON API (GET /api/conversations, GET /api/conversations/{id}), typed from the
// OpenAPI document. The API sends status, kind and direction as plain strings; the unions below say which.

export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'closed';

/** Rows the inbox asks for at a time. */
export const inboxPageSize = 25;

export type Person = Schema<'PersonView'>;
export type ConversationSummary = Schema<'ConversationSummary'>;
export type ConversationPage = Schema<'ConversationPage'>;
export type Participant = Schema<'ParticipantView'>;
export type Attachment = Schema<'AttachmentView'>;
export type Message = Schema<'MessageView'>;
export type Conversation = Schema<'ConversationDetail'>;

/** Every query key of conversation data starts so: a change to a conversation invalidates them all. */
export const conversationsKey = ['conversations'] as const;

/** One view and status of the inbox, newest activity first, a page at a time ("Load more"). */
export const inboxQuery = (api: Api, status: StatusFilter, view: InboxView) =>
  infiniteQueryOptions({
    queryKey: [...conversationsKey, 'list', view, status],
    queryFn: ({ pageParam, signal }) =>
      ok(api.GET('/api/conversations', { signal, ...withQuery({ view, status, limit: inboxPageSize, continuationToken: pageParam }) })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.continuationToken,
  });

export const conversationQuery = (api: Api, id: string) =>
  queryOptions({
    queryKey: [...conversationsKey, 'one', id],
    queryFn: ({ signal }) => ok(api.GET('/api/conversations/{id}', { signal, params: { path: { id } } })),
  });

/** "Ada Lovelace" when the name is known, the address otherwise; "Unknown sender" when there is no one. */
export const displayName = (person: Person | null) => person?.name?.trim() || person?.email || 'Unknown sender';

/** "Ada Lovelace <ada@example.com>" when the name is known, the bare address otherwise. */
export const formatAddress = (person: Person) =>
  person.name?.trim() ? `${person.name.trim()} <${person.email}>` : person.email;
