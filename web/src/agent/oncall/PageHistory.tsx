import { useInfiniteQuery } from '@tanstack/preact-query';
import { ColumnHeads } from '../../shared/ui/ColumnHeads.tsx';
import { QueryStatus } from '../../shared/ui/QueryStatus.tsx';
import { pagesQuery } from '../api/escalation.ts';
import { conversationHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { useAgentNames } from './AgentName.tsx';

const when = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso))
    .replace(',', '');

/** Pages sent, newest first, 20 at a time: when, to whom, how, about which conversations, and who acknowledged. */
export function PageHistory() {
  const nameOf = useAgentNames();
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteQuery(pagesQuery(useApi()));
  const pages = data?.pages.flatMap((log) => log.items);

  return (
    <section class="page-history" aria-labelledby="page-history-title">
      <h2 id="page-history-title">Page history</h2>
      <QueryStatus error={error} pending={isPending} loading="Loading pages…" />
      {pages?.length === 0 && <p class="empty">Nobody has been paged yet.</p>}
      {pages && pages.length > 0 && (
        <table aria-label="Pages sent">
          <ColumnHeads names={['Sent', 'To', 'Channels', 'Conversations', 'Acknowledged']} />
          <tbody>
            {pages.map((page) => (
              <tr key={page.id}>
                <td>
                  <time dateTime={page.sentAt}>{when(page.sentAt)}</time>
                </td>
                <td>{nameOf(page.agentId)}</td>
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
                    ? `${nameOf(page.acknowledgedBy)}, ${when(page.acknowledgedAt)}`
                    : 'Not acknowledged'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasNextPage && (
        <button type="button" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          Older pages
        </button>
      )}
    </section>
  );
}
