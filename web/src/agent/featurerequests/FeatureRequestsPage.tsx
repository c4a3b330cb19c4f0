import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { QueryStatus } from '../../shared/ui/QueryStatus.tsx';
import { draftsKey } from '../api/drafts.ts';
import { featureRequestListQuery, featureRequestsKey, shipFeature, type FeatureSummary } from '../api/featureRequests.ts';
import { approvalsHref, conversationHref, customerHref } from '../routing.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';

/** Every feature customers asked for, who asked and how often; shipping one drafts an email to each of them. */
export function FeatureRequestsPage() {
  const { data: features, error, isPending } = useQuery(featureRequestListQuery(useApi()));
  return (
    <section class="panel feature-request-list">
      <h1>Feature requests</h1>
      <QueryStatus error={error} pending={isPending} />
      {features?.length === 0 && <p>No feature requests yet. Tag a conversation with the feature its customer asks for.</p>}
      <ol>
        {features?.map((feature) => (
          <li key={feature.key}>
            <FeatureCard feature={feature} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function FeatureCard({ feature }: { feature: FeatureSummary }) {
  const api = useApi();
  const queries = useQueryClient();
  const me = useCurrentAgent();
  const [message, setMessage] = useState('');
  const [shipping, setShipping] = useState(false);
  const [result, setResult] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ship = async (event: Event) => {
    event.preventDefault();
    setShipping(true);
    setError(null);
    try {
      const shipped = await shipFeature(api, feature.key, message);
      setResult(shipped.drafts.length);
      await queries.invalidateQueries({ queryKey: featureRequestsKey });
      await queries.invalidateQueries({ queryKey: draftsKey });
    } catch (failure) {
      setError(failure);
    } finally {
      setShipping(false);
    }
  };
  return (
    <article class="feature" aria-label={feature.name}>
      <h2>
        {feature.name} <span class="count">{plural(feature.customers, 'customer')}, {plural(feature.requests, 'request')}</span>
        {feature.shippedAt && <span class="shipped"> · shipped {new Date(feature.shippedAt).toLocaleDateString()}</span>}
      </h2>
      <ul class="askers">
        {feature.askers.map((asker) => (
          <li key={asker.email}>
            <a href={customerHref(asker.email)}>{asker.name ?? asker.email}</a> asked {plural(asker.requests, 'time')}
            {asker.conversationIds.map((id, index) => (
              <>
                {' '}
                <a href={conversationHref(id)}>#{index + 1}</a>
              </>
            ))}
            {asker.draftId && ' · email drafted'}
          </li>
        ))}
      </ul>
      {me?.role !== 'trainee' && (
        <form onSubmit={ship}>
          <label>
            Message for everyone who asked (optional)
            <textarea value={message} onInput={(event) => setMessage(event.currentTarget.value)} maxLength={4000} />
          </label>
          <button type="submit" disabled={shipping}>
            {feature.shippedAt ? 'Draft emails for new askers' : 'Shipped: draft emails'}
          </button>
        </form>
      )}
      {result !== null && (
        <p role="status">
          {plural(result, 'email')} drafted for review. <a href={approvalsHref}>Review them</a>.
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </article>
  );
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
