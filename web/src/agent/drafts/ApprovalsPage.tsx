import { useQuery } from '@tanstack/preact-query';
import { QueryStatus } from '../../shared/ui/QueryStatus.tsx';
import { draftQueueQuery, draftStateLabel } from '../api/drafts.ts';
import { conversationHref } from '../routing.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';

/** /approvals: drafts waiting for approval, longest-waiting first (a trainee sees their own drafts instead). */
export function ApprovalsPage() {
  const me = useCurrentAgent();
  const { data: items, error, isPending } = useQuery(draftQueueQuery(useApi()));

  const own = me?.role === 'trainee';
  return (
    <section class="panel approvals">
      <h1>{own ? 'My drafts' : 'Approvals'}</h1>
      <QueryStatus error={error} pending={isPending} loading="Loading drafts…" />
      {items?.length === 0 && <p>{own ? 'You have no drafts.' : 'Nothing is waiting for approval.'}</p>}
      {items && items.length > 0 && (
        <ol class="approval-list">
          {items.map((draft) => (
            <li key={draft.id}>
              <a href={conversationHref(draft.conversationId)}>{draft.subject || '(no subject)'}</a>{' '}
              <span class="draft-author">by {draft.author.name ?? draft.author.id}</span> ·{' '}
              <span class="draft-state">{draftStateLabel({ state: draft.state, returnedBy: null })}</span> ·{' '}
              <time dateTime={draft.submittedAt}>{new Date(draft.submittedAt).toLocaleString()}</time>
              <p class="draft-preview">{draft.preview}</p>
              {draft.state === 'returned' && draft.returnComment && <p class="draft-comment">Comment: {draft.returnComment}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
