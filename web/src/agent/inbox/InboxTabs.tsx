import { inboxHref, inboxViews, statusFilters, type InboxView, type StatusFilter } from '../routing.ts';

const viewLabels: Record<InboxView, string> = { mine: 'Mine', unassigned: 'Unassigned', all: 'All' };
const statusLabels: Record<StatusFilter, string> = { open: 'Open', pending: 'Pending', snoozed: 'Snoozed', closed: 'Closed' };

/** Whose conversations the inbox shows, as links (the view lives in the address, next to the status). */
export function InboxViewTabs({ current, status }: { current: InboxView; status: StatusFilter }) {
  return <LinkTabs class="view-tabs" label="Inbox views" choices={inboxViews} labels={viewLabels} current={current} href={(view) => inboxHref(status, view)} />;
}

/** The inbox's status filter, as links so the filter lives in the address and survives a reload. */
export function StatusFilterTabs({ current, view = 'all' }: { current: StatusFilter; view?: InboxView }) {
  return <LinkTabs class="status-filter" label="Filter by status" choices={statusFilters} labels={statusLabels} current={current} href={(filter) => inboxHref(filter, view)} />;
}

interface LinkTabsProps<T extends string> {
  class: string;
  label: string;
  choices: readonly T[];
  labels: Record<T, string>;
  current: T;
  href: (choice: T) => string;
}

function LinkTabs<T extends string>({ class: className, label, choices, labels, current, href }: LinkTabsProps<T>) {
  return (
    <nav class={className} aria-label={label}>
      {choices.map((choice) => (
        <a key={choice} href={href(choice)} aria-current={choice === current ? 'page' : undefined}>
          {labels[choice]}
        </a>
      ))}
    </nav>
  );
}
