import { inboxHref, statusFilters, type InboxView, type StatusFilter } from '../routing.ts';

const labels: Record<StatusFilter, string> = { open: 'Open', pending: 'Pending', snoozed: 'Snoozed', closed: 'Closed' };

/** The inbox's status filter, as links so the filter lives in the address and survives a reload. */
export function StatusFilterTabs({ current, view = 'all' }: { current: StatusFilter; view?: InboxView }) {
  return (
    <nav class="status-filter" aria-label="Filter by status">
      {statusFilters.map((filter) => (
        <a key={filter} href={inboxHref(filter, view)} aria-current={filter === current ? 'page' : undefined}>
          {labels[filter]}
        </a>
      ))}
    </nav>
  );
}
