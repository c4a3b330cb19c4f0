import { useEffect, useState } from 'preact/hooks';

export const statusFilters = ['open', 'pending', 'snoozed', 'closed'] as const;
export type StatusFilter = (typeof statusFilters)[number];

/** Whose conversations the inbox shows: everyone's, the signed-in agent's, or nobody's yet. */
export const inboxViews = ['mine', 'unassigned', 'all'] as const;
export type InboxView = (typeof inboxViews)[number];

export type Route =
  | { page: 'inbox'; status: StatusFilter; view: InboxView }
  | { page: 'conversation'; id: string }
  | { page: 'sign-in'; error: string | null }
  | { page: 'dev-mail' }
  | { page: 'dev-mail-message'; id: string }
  | { page: 'oncall'; scheduleId: string | null }
  | { page: 'search'; q: string }
  | { page: 'customer'; email: string }
  | { page: 'saved-replies' }
  | { page: 'approvals' }
  | { page: 'settings' }
  | { page: 'not-found' };

const defaultStatus: StatusFilter = 'open';
const defaultView: InboxView = 'all';

/**
 * Reads the hash route: `#/inbox?status=pending&view=mine`, `#/conversations/{id}`, `#/sign-in?error=expired`,
 * `#/dev/mail`, `#/dev/mail/{id}`, `#/oncall/{scheduleId}`, `#/search?q=`, `#/customers/{email}`, `#/saved-replies`, `#/approvals`, `#/settings`;
 * an empty hash is the inbox.
 * Hash routes need no server-side fallback, so the static host serves the app as it is.
 */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  if (path === '' || path === '/' || path === '/inbox') {
    const params = new URLSearchParams(query);
    const status = params.get('status');
    const view = params.get('view');
    return {
      page: 'inbox',
      status: statusFilters.find((filter) => filter === status) ?? defaultStatus,
      view: inboxViews.find((known) => known === view) ?? defaultView,
    };
  }
  if (path === '/sign-in') return { page: 'sign-in', error: new URLSearchParams(query).get('error') };
  if (path === '/dev/mail') return { page: 'dev-mail' };
  const mail = /^\/dev\/mail\/([^/]+)$/.exec(path);
  if (mail?.[1]) return { page: 'dev-mail-message', id: decodeURIComponent(mail[1]) };
  const conversation = /^\/conversations\/([^/]+)$/.exec(path);
  if (conversation?.[1]) return { page: 'conversation', id: decodeURIComponent(conversation[1]) };
  if (path === '/oncall') return { page: 'oncall', scheduleId: null };
  if (path === '/search') return { page: 'search', q: new URLSearchParams(query).get('q') ?? '' };
  if (path === '/saved-replies') return { page: 'saved-replies' };
  if (path === '/approvals') return { page: 'approvals' };
  if (path === '/settings') return { page: 'settings' };
  const customer = /^\/customers\/([^/]+)$/.exec(path);
  if (customer?.[1]) return { page: 'customer', email: decodeURIComponent(customer[1]) };
  const schedule = /^\/oncall\/([^/]+)$/.exec(path);
  if (schedule?.[1]) return { page: 'oncall', scheduleId: decodeURIComponent(schedule[1]) };
  return { page: 'not-found' };
}

export function inboxHref(status: StatusFilter, view: InboxView = defaultView): string {
  const query = new URLSearchParams();
  if (status !== defaultStatus) query.set('status', status);
  if (view !== defaultView) query.set('view', view);
  const search = query.toString();
  return search ? `#/inbox?${search}` : '#/inbox';
}

export const devMailHref = '#/dev/mail';

export const devMailMessageHref = (id: string) => `#/dev/mail/${encodeURIComponent(id)}`;

export const conversationHref = (id: string) => `#/conversations/${encodeURIComponent(id)}`;

/** `#/oncall` lists the schedules; with an id it also shows that schedule's timeline. */
export const onCallHref = (scheduleId?: string) => (scheduleId ? `#/oncall/${encodeURIComponent(scheduleId)}` : '#/oncall');

export const searchHref = (q: string) => `#/search?${new URLSearchParams({ q })}`;

export const customerHref = (email: string) => `#/customers/${encodeURIComponent(email)}`;

export const savedRepliesHref = '#/saved-replies';

export const approvalsHref = '#/approvals';

export const settingsHref = '#/settings';

/** The current route, following the address bar. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}
