import { useQuery } from '@tanstack/preact-query';
import { draftQueueQuery } from '../api/drafts.ts';
import { approvalsHref } from '../routing.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';

/** How often the header counts the queue again (changes made here refresh it at once). */
const refreshMs = 30_000;

/** The header link to /approvals, with how many drafts wait (for a trainee: their own drafts). */
export function ApprovalsLink() {
  const me = useCurrentAgent();
  const { data: drafts } = useQuery({ ...draftQueueQuery(useApi()), refetchInterval: refreshMs });
  const count = drafts?.filter((draft) => draft.state !== 'approved').length ?? 0;
  return (
    <a class="nav-link" href={approvalsHref}>
      {me?.role === 'trainee' ? 'My drafts' : 'Approvals'}
      {count > 0 && <span class="nav-count"> ({count})</span>}
    </a>
  );
}
