import { useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { draftStateLabel, listDrafts, type DraftSummary } from '../api/drafts.ts';
import { conversationHref } from '../routing.ts';
import { useApiGet } from '../session/session.tsx';
import { useCurrentAgent } from '../session/useCurrentAgent.ts';

/** #/approvals: drafts waiting for approval, longest-waiting first (a trainee sees their own drafts instead). */
export function ApprovalsPage() {
  const get = useApiGet();
  const me = useCurrentAgent();
  const [items, setItems] = useState<DraftSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const stop = new AbortController();
    listDrafts(get, stop.signal).then(setItems, (failure: unknown) => {
      if (!isAbort(failure)) setError(failure);
    });
    return () => stop.abort();
  }, [get]);

  const own = me?.role === 'trainee';
  return (
    <section class="panel approvals">
      <h1>{own ? 'My drafts' : 'Approvals'}</h1>
      {error !== null && <ErrorMessage error={error} />}
      {items === null && error === null && <p class="loading">Loading drafts…</p>}
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
