import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { formatDateTime } from '../../shared/format/relativeTime.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { kbKey, publishSite, siteQuery } from '../api/kb.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';

/**
 * Where the public site stands: the last publish, whether changes are waiting for the publish queue, and the last
 * failure while it is unresolved (the queue retries it). "Publish now" renders the whole site again.
 */
export function SiteStatusPanel() {
  const api = useApi();
  const queries = useQueryClient();
  const me = useCurrentAgent();
  const site = useQuery(siteQuery(api));
  const publish = useMutation({
    mutationFn: () => publishSite(api),
    onSuccess: (published) => {
      queries.setQueryData(siteQuery(api).queryKey, published);
      return queries.invalidateQueries({ queryKey: [...kbKey, 'site'] });
    },
  });
  const status = site.data;
  const failing = status?.lastError && (!status.lastPublishedAt || (status.lastFailedAt ?? '') > status.lastPublishedAt);
  return (
    <section class="kb-box" aria-label="Public site">
      <h2>Public site</h2>
      {site.error && <ErrorMessage error={site.error} />}
      {status && (
        <div role="status">
          <p>
            {status.lastPublishedAt ? `Last published ${formatDateTime(new Date(status.lastPublishedAt))}` : 'Not published yet'}
            {status.publishes > 0 && <span class="hint"> ({status.publishes} publishes)</span>}
          </p>
          <p class={status.upToDate ? 'kb-ok' : 'kb-pending'}>{status.upToDate ? 'Every change is on the site.' : 'Changes are waiting to be published…'}</p>
          {failing && (
            <p class="kb-failed">
              Publishing failed {status.lastFailedAt && formatDateTime(new Date(status.lastFailedAt))}: {status.lastError} It is retried by itself.
            </p>
          )}
        </div>
      )}
      {me?.role !== 'trainee' && (
        <button type="button" onClick={() => publish.mutate()} disabled={publish.isPending}>
          Publish now
        </button>
      )}
      {publish.error && <ErrorMessage error={publish.error} />}
    </section>
  );
}
