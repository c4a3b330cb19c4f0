import { queryOptions } from '@tanstack/preact-query';
import { ok, type Api, type Schema } from '../../shared/api/client.ts';

// GET /api/customers/{email}, PUT /api/customers/{email}/notes.

export type Customer = Schema<'CustomerView'>;
export type CustomerNotes = Schema<'CustomerNotesView'>;

/** The longest notes the API keeps. */
export const notesMaxLength = 5000;

export const customerQuery = (api: Api, email: string) =>
  queryOptions({
    queryKey: ['customers', email],
    queryFn: ({ signal }) => ok(api.GET('/api/customers/{email}', { signal, params: { path: { email } } })),
  });

export const saveCustomerNotes = (api: Api, email: string, text: string) =>
  ok(api.PUT('/api/customers/{email}/notes', { params: { path: { email } }, body: { text } }));
