import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { componentNamesQuery, removeSubscriber, subscribersKey, subscribersQuery, type Subscriber } from '../api/statusSubscribers.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';

/** Who hears of incidents and maintenance: email and webhook subscribers, confirmed or not; admins may remove one. */
export function SubscribersPage() {
  const api = useApi();
  const list = useInfiniteQuery(subscribersQuery(api));
  const names = useQuery(componentNamesQuery(api));
  const counts = list.data?.pages[0]?.counts;
  const subscribers = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section class="panel status-subscribers">
      <h1>Status page subscribers</h1>
      {list.error && <ErrorMessage error={list.error} />}
      {list.isPending && <p>Loading…</p>}
      {counts && (
        <p class="counts">
          {counts.email} confirmed by email · {counts.webhook} confirmed webhooks · {counts.pending} not confirmed yet
        </p>
      )}
      {list.data && subscribers.length === 0 && <p>Nobody has subscribed yet. Visitors subscribe on the public status page.</p>}
      {subscribers.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Email or URL</th>
              <th scope="col">Components</th>
              <th scope="col">Confirmed</th>
              <th scope="col">Subscribed</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {subscribers.map((subscriber) => (
              <SubscriberRow key={subscriber.id} subscriber={subscriber} names={names.data} />
            ))}
          </tbody>
        </table>
      )}
      {list.hasNextPage && (
        <button type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Show more
        </button>
      )}
    </section>
  );
}

function SubscriberRow({ subscriber, names }: { subscriber: Subscriber; names?: Map<string, string> }) {
  const api = useApi();
  const queries = useQueryClient();
  const me = useCurrentAgent();
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    if (!confirm(`Remove ${subscriber.address}? They get no more status updates.`)) return;
    try {
      await removeSubscriber(api, subscriber.id);
      await queries.invalidateQueries({ queryKey: subscribersKey });
    } catch (failure) {
      setError(failure);
    }
  };
  const components = subscriber.components.length === 0 ? 'All' : subscriber.components.map((id) => names?.get(id) ?? id).join(', ');
  return (
    <tr>
      <td>{subscriber.kind === 'email' ? 'Email' : 'Webhook'}</td>
      <td class="address">{subscriber.address}</td>
      <td>{components}</td>
      <td>{subscriber.confirmed ? 'Yes' : 'Not yet'}</td>
      <td>
        <time dateTime={subscriber.createdAt}>{new Date(subscriber.createdAt).toLocaleDateString()}</time>
      </td>
      <td>
        {me?.role === 'admin' && (
          <button type="button" class="link-button" onClick={() => void remove()} aria-label={`Remove ${subscriber.address}`}>
            Remove
          </button>
        )}
        {error !== null && <ErrorMessage error={error} />}
      </td>
    </tr>
  );
}
