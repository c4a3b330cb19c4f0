import { ok, type Api } from '../../shared/api/client.ts';

export type CallDirection = 'inbound' | 'outbound';

export interface CallRequest {
  recap: string;
  direction: CallDirection;
  durationMinutes?: number;
  emailToCustomer?: boolean;
}

export const logCall = (api: Api, conversationId: string, call: CallRequest) =>
  ok(
    api.POST('/api/conversations/{id}/calls', {
      params: { path: { id: conversationId } },
      body: { durationMinutes: null, emailToCustomer: null, ...call },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    }),
  );
