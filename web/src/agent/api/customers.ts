import type { ApiGet, ApiSend } from '../session/session.tsx';
import type { ConversationSummary } from './conversations.ts';

// GET /api/customers/{email}, PUT /api/customers/{email}/notes.

export interface CustomerNotes {
  text: string;
  updatedAt: string;
  updatedBy: { id: string; name: string | null };
}

export interface Customer {
  email: string;
  name: string | null;
  firstContactAt: string;
  lastContactAt: string | null;
  notes: CustomerNotes | null;
  /** Latest activity first. */
  conversations: ConversationSummary[];
}

/** The longest notes the API keeps. */
export const notesMaxLength = 5000;

const path = (email: string) => `/api/customers/${encodeURIComponent(email)}`;

export function getCustomer(get: ApiGet, email: string, signal?: AbortSignal): Promise<Customer> {
  return get<Customer>(path(email), signal);
}

export async function saveCustomerNotes(send: ApiSend, email: string, text: string): Promise<CustomerNotes> {
  return (await send<CustomerNotes>('PUT', `${path(email)}/notes`, { text }))!;
}
