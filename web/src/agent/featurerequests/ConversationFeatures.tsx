import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { conversationFeaturesQuery, featureRequestsKey, tagFeature, untagFeature } from '../api/featureRequests.ts';
import { featureRequestsHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';

/** The features this conversation's customer asks for: add one by name, remove a mistaken one. */
export function ConversationFeatures({ conversationId }: { conversationId: string }) {
  const api = useApi();
  const queries = useQueryClient();
  const { data: features } = useQuery(conversationFeaturesQuery(api, conversationId));
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await queries.invalidateQueries({ queryKey: featureRequestsKey });
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (event: Event) => {
    event.preventDefault();
    if (name.trim() && (await run(() => tagFeature(api, conversationId, name.trim())))) setName('');
  };
  return (
    <form class="feature-requests tag-editor" aria-label="Feature requests" onSubmit={add}>
      <a href={featureRequestsHref}>Feature requests</a>
      <ul class="tags">
        {(features ?? []).map((feature) => (
          <li key={feature.key} class="tag">
            {feature.name}
            <button type="button" disabled={busy} aria-label={`Remove feature request ${feature.name}`} onClick={() => void run(() => untagFeature(api, conversationId, feature.key))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input aria-label="Add feature request" placeholder="Asks for feature…" value={name} maxLength={80} disabled={busy} onInput={(event) => setName(event.currentTarget.value)} />
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}
