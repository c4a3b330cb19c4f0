import { queryOptions } from '@tanstack/preact-query';
import { ok, type Api } from '../../shared/api/client.ts';

// The dev mail view contract (GET /api/dev/mail, GET /api/dev/mail/{id}): mail the local mail sink kept.

export const sinkMailListQuery = (api: Api) =>
  queryOptions({ queryKey: ['dev-mail'], queryFn: ({ signal }) => ok(api.GET('/api/dev/mail', { signal })) });

export const sinkMailQuery = (api: Api, id: string) =>
  queryOptions({ queryKey: ['dev-mail', id], queryFn: ({ signal }) => ok(api.GET('/api/dev/mail/{id}', { signal, params: { path: { id } } })) });

// GET /api/dev/phone: the texts and calls the phone sink recorded (404 when Twilio:Sender is not sink).
export const sinkPhoneQuery = (api: Api) =>
  queryOptions({ queryKey: ['dev-phone'], queryFn: ({ signal }) => ok(api.GET('/api/dev/phone', { signal })), retry: false });

/** A mail's text cut into plain text and the web addresses in it, so the view can make those clickable. */
export function linkify(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: url, href: url });
    last = match.index + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
