import { inboxHref, inboxViews, type InboxView, type StatusFilter } from '../routing.ts';

const labels: Record<InboxView, string> = { mine: 'Mine', unassigned: 'Unassigned', all: 'All' };

/** Whose conversations the inbox shows, as links (the view lives in the address, next to the status). */
export function InboxViewTabs({ current, status }: { current: InboxView; status: StatusFilter }) {
  return (
    <nav class="view-tabs" aria-label="Inbox views">
      {inboxViews.map((view) => (
        <a key={view} href={inboxHref(status, view)} aria-current={view === current ? 'page' : undefined}>
          {labels[view]}
        </a>
      ))}
    </nav>
  );
}
