import type { ApiGet } from '../session/session.tsx';

// The dev mail view contract (GET /api/dev/mail, GET /api/dev/mail/{id}): mail the local mail sink kept.

export interface SinkMailSummary {
  id: string;
  from: string;
  to: string;
  subject: string;
  sentAt: string;
}

export interface SinkMail extends SinkMailSummary {
  text: string;
  html: string | null;
  headers: Record<string, string>;
}

export const listSinkMail = (get: ApiGet, signal?: AbortSignal) =>
  get<{ items: SinkMailSummary[] }>('/api/dev/mail', signal);

export const getSinkMail = (get: ApiGet, id: string, signal?: AbortSignal) =>
  get<SinkMail>(`/api/dev/mail/${encodeURIComponent(id)}`, signal);
