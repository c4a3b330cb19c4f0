import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import type { Message } from '../api/conversations.ts';
import { deliveryLabel, retryDelivery } from '../api/replies.ts';
import { useApi } from '../session/session.tsx';

/** How far an outbound email got, why, and a Retry button once it failed. */
export function DeliveryStatus({ conversationId, message, onChanged }: { conversationId: string; message: Message; onChanged: () => void }) {
  const api = useApi();
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!message.deliveryState) return null;
  const { label, tone } = deliveryLabel(message.deliveryState);

  const retry = async () => {
    setRetrying(true);
    setError(null);
    try {
      await retryDelivery(api, conversationId, message.id);
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setRetrying(false);
    }
  };

  return (
    <div class={`delivery delivery-${tone}`} data-state={message.deliveryState}>
      <span class="delivery-state">{label}</span>
      {message.deliveryDetail && <span class="delivery-detail"> — {message.deliveryDetail}</span>}
      {message.deliveryState === 'failed' && (
        <button type="button" class="delivery-retry" onClick={retry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}
