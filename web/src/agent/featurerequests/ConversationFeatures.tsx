import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
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
  // Tagging or untagging: either changes the list here and on the feature-requests page.
  const change = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onSuccess: () => queries.invalidateQueries({ queryKey: featureRequestsKey }),
  });
  const busy = change.isPending;
  const add = (event: Event) => {
    event.preventDefault();
    if (name.trim()) change.mutate(() => tagFeature(api, conversationId, name.trim()), { onSuccess: () => setName('') });
  };
  return (
    <form class="feature-requests tag-editor" aria-label="Feature requests" onSubmit={add}>
      <a href={featureRequestsHref}>Feature requests</a>
      <ul class="tags">
        {(features ?? []).map((feature) => (
          <li key={feature.key} class="tag">
            {feature.name}
            <button type="button" disabled={busy} aria-label={`Remove feature request ${feature.name}`} onClick={() => change.mutate(() => untagFeature(api, conversationId, feature.key))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input aria-label="Add feature request" placeholder="Asks for feature…" value={name} maxLength={80} disabled={busy} onInput={(event) => setName(event.currentTarget.value)} />
      {change.error && <ErrorMessage error={change.error} />}
    </form>
  );
}
