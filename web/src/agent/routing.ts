export const statusFilters = ['open', 'pending', 'snoozed', 'closed'] as const;
export type StatusFilter = (typeof statusFilters)[number];

/** Whose conversations the inbox shows: everyone's, the signed-in agent's, or nobody's yet. */
export const inboxViews = ['mine', 'unassigned', 'all'] as const;
export type InboxView = (typeof inboxViews)[number];

const defaultStatus: StatusFilter = 'open';
const defaultView: InboxView = 'all';

// The app's addresses are real paths (/conversations/{id}); both hosts answer an unknown non-API path with index.html,
// and the router (preact-iso, in App.tsx) picks the page by these patterns. The functions below build the links.

/** The route patterns of the pages that take a parameter. */
export const routes = {
  conversation: '/conversations/:id',
  devMailMessage: '/dev/mail/:id',
  schedule: '/oncall/:scheduleId',
  customer: '/customers/:email',
  kbArticle: '/knowledge-base/articles/:id',
  statusIncident: '/status-page/incidents/:id',
} as const;

/** The inbox filter from `?status=…&view=…`, unknown values falling back to the open, everyone's inbox. */
export function inboxFilter(query: Record<string, string | undefined>): { status: StatusFilter; view: InboxView } {
  return {
    status: statusFilters.find((filter) => filter === query['status']) ?? defaultStatus,
    view: inboxViews.find((known) => known === query['view']) ?? defaultView,
  };
}

export function inboxHref(status: StatusFilter = defaultStatus, view: InboxView = defaultView): string {
  const query = new URLSearchParams();
  if (status !== defaultStatus) query.set('status', status);
  if (view !== defaultView) query.set('view', view);
  const search = query.toString();
  return search ? `/inbox?${search}` : '/inbox';
}

export const signInHref = '/sign-in';

export const devMailHref = '/dev/mail';

export const devMailMessageHref = (id: string) => `/dev/mail/${encodeURIComponent(id)}`;

export const conversationHref = (id: string) => `/conversations/${encodeURIComponent(id)}`;

/** `/oncall` lists the schedules; with an id it also shows that schedule's timeline. */
export const onCallHref = (scheduleId?: string) => (scheduleId ? `/oncall/${encodeURIComponent(scheduleId)}` : '/oncall');

export const searchHref = (q: string) => `/search?${new URLSearchParams({ q })}`;

export const customerHref = (email: string) => `/customers/${encodeURIComponent(email)}`;

export const savedRepliesHref = '/saved-replies';

export const approvalsHref = '/approvals';

export const featureRequestsHref = '/feature-requests';

// Under the agents' /status-page section (/status/ is the public page itself).
export const statusSubscribersHref = '/status-page/subscribers';

export const digestHref = '/digest';

export const settingsHref = '/settings';

/** The team metrics dashboard (its period and mailbox in the query: metrics/metricsFormat.ts). */
export const metricsHref = '/metrics';

// The knowledge base's screens. Not /kb: the local host serves the public site there.
export const knowledgeBaseHref = '/knowledge-base';

export const kbArticleHref = (id: string) => `/knowledge-base/articles/${encodeURIComponent(id)}`;

export const kbInsightsHref = '/knowledge-base/insights';

export const kbContactFormHref = '/knowledge-base/contact-form';

/**
 * The real path for an address of the old hash router (`/#/conversations/{id}`, `/#/sign-in?error=used`), which
 * mails already sent still link to; null when the hash is not one (empty, or an in-page anchor).
 */
export function legacyHashPath(hash: string): string | null {
  return /^#\/./.test(hash) ? hash.slice(1) : null;
}

// The agent's status section is /status-page: /status/ is the published public page itself (the static site).
export const statusPageHref = '/status-page';

export const statusIncidentHref = (id: string) => `/status-page/incidents/${encodeURIComponent(id)}`;

/** The public status page as the local host (or Static Web Apps) serves it. */
export const publicStatusHref = '/status/';

export const publicIncidentHref = (id: string) => `/status/incidents/${encodeURIComponent(id)}/`;
