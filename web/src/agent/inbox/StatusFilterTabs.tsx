import { inboxHref, statusFilters, type StatusFilter } from '../routing.ts';

const labels: Record<StatusFilter, string> = { open: 'Open', pending: 'Pending', snoozed: 'Snoozed', closed: 'Closed' };

/** The inbox's status filter, as links so the filter lives in the address and survives a reload. */
export function StatusFilterTabs({ current }: { current: StatusFilter }) {
  return (
    <nav class="status-filter" aria-label="Filter by status">
      {statusFilters.map((filter) => (
        <a key={filter} href={inboxHref(filter)} aria-current={filter === current ? 'page' : undefined}>
          {labels[filter]}
        </a>
      ))}
    </nav>
  );
}
