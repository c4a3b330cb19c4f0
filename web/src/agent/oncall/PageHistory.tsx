import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { listPages, type PageRecord } from '../api/escalation.ts';
import { conversationHref } from '../routing.ts';
import { useApiGet } from '../session/session.tsx';

const when = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso))
    .replace(',', '');

/** Pages sent, newest first, 20 at a time: when, to whom, how, about which conversations, and who acknowledged. */
export function PageHistory() {
  const get = useApiGet();
  const [pages, setPages] = useState<PageRecord[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (after: string | null, signal?: AbortSignal) => {
      try {
        const log = await listPages(get, after, signal);
        setPages((shown) => (after === null ? log.items : [...(shown ?? []), ...log.items]));
        setNext(log.continuationToken);
        setError(null);
      } catch (failure) {
        if (!isAbort(failure)) setError(failure);
      }
    },
    [get],
  );
  useEffect(() => {
    const stop = new AbortController();
    void load(null, stop.signal);
    return () => stop.abort();
  }, [load]);

  return (
    <section class="page-history" aria-labelledby="page-history-title">
      <h2 id="page-history-title">Page history</h2>
      {error !== null && <ErrorMessage error={error} />}
      {pages === null && error === null && <p class="loading">Loading pages…</p>}
      {pages?.length === 0 && <p class="empty">Nobody has been paged yet.</p>}
      {pages && pages.length > 0 && (
        <table aria-label="Pages sent">
          <thead>
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">To</th>
              <th scope="col">Channels</th>
              <th scope="col">Conversations</th>
              <th scope="col">Acknowledged</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((page) => (
              <tr key={page.id}>
                <td>
                  <time dateTime={page.sentAt}>{when(page.sentAt)}</time>
                </td>
                <td>{page.agentId}</td>
                <td>
                  {page.channels.map((channel) => (
                    <span key={channel.channel} class={channel.ok ? 'channel' : 'channel channel-failed'} title={channel.detail ?? undefined}>
                      {channel.channel}
                      {channel.ok ? '' : ' (failed)'}{' '}
                    </span>
                  ))}
                </td>
                <td>
                  <ul class="paged-conversations">
                    {page.conversations.map((conversation) => (
                      <li key={conversation.id}>
                        <a href={conversationHref(conversation.id)}>{conversation.subject || conversation.id}</a>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {page.acknowledgedBy && page.acknowledgedAt
                    ? `${page.acknowledgedBy}, ${when(page.acknowledgedAt)}`
                    : 'Not acknowledged'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          Older pages
        </button>
      )}
    </section>
  );
}
