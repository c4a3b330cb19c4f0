import { useMutation } from '@tanstack/preact-query';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import type { Message } from '../api/conversations.ts';
import { deliveryLabel, retryDelivery } from '../api/replies.ts';
import { useApi } from '../session/session.tsx';

/** How far an outbound email got, why, and a Retry button once it failed. */
export function DeliveryStatus({ conversationId, message, onChanged }: { conversationId: string; message: Message; onChanged: () => void }) {
  const api = useApi();
  const retry = useMutation({ mutationFn: () => retryDelivery(api, conversationId, message.id), onSuccess: () => onChanged() });
  if (!message.deliveryState) return null;
  const { label, tone } = deliveryLabel(message.deliveryState);

  return (
    <div class={`delivery delivery-${tone}`} data-state={message.deliveryState}>
      <span class="delivery-state">{label}</span>
      {message.deliveryDetail && <span class="delivery-detail"> — {message.deliveryDetail}</span>}
      {message.deliveryState === 'failed' && (
        <button type="button" class="delivery-retry" onClick={() => retry.mutate()} disabled={retry.isPending}>
          {retry.isPending ? 'Retrying…' : 'Retry'}
        </button>
      )}
      {retry.error && <ErrorMessage error={retry.error} />}
    </div>
  );
}
