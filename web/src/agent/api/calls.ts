import type { ApiSend } from '../session/session.tsx';
import type { Message } from './conversations.ts';

export type CallDirection = 'inbound' | 'outbound';

export interface CallRequest {
  recap: string;
  direction: CallDirection;
  durationMinutes?: number;
  /** Also send the recap to the customer as the agent's reply. */
  emailToCustomer?: boolean;
}

/** The logged call, and the reply that emails it when asked for. */
export interface CallLogged {
  call: Message;
  email: Message | null;
}

export const logCall = (send: ApiSend, conversationId: string, call: CallRequest) =>
  send<CallLogged>('POST', `/api/conversations/${encodeURIComponent(conversationId)}/calls`, call, { 'Idempotency-Key': crypto.randomUUID() });
