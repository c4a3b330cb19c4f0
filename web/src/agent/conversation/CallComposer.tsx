import { useMutation } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { logCall, type CallDirection } from '../api/calls.ts';
import { useApi } from '../session/session.tsx';

interface CallComposerProps {
  conversationId: string;
  /** Trainees may log calls but not email the recap (that would be a reply sent without approval). */
  mayEmail: boolean;
  onDrafting: (drafting: boolean) => void;
  onLogged: () => void;
}

/** Logs a phone call in the conversation: what was said, which way, how long; optionally emailed to the customer. */
export function CallComposer({ conversationId, mayEmail, onDrafting, onLogged }: CallComposerProps) {
  const api = useApi();
  const [recap, setRecap] = useState('');
  const [direction, setDirection] = useState<CallDirection>('inbound');
  const [minutes, setMinutes] = useState('');
  const [emailToCustomer, setEmailToCustomer] = useState(false);
  const call = useMutation({
    mutationFn: () => {
      const durationMinutes = minutes.trim() === '' ? undefined : Number(minutes);
      return logCall(api, conversationId, { recap, direction, durationMinutes, emailToCustomer: mayEmail && emailToCustomer });
    },
    onSuccess: () => {
      setRecap('');
      setMinutes('');
      setEmailToCustomer(false);
      onDrafting(false);
      onLogged();
    },
  });
  const busy = call.isPending;

  const submit = (event: Event) => {
    event.preventDefault();
    if (recap.trim()) call.mutate();
  };

  return (
    <form class="call-composer" aria-label="Log a call" onSubmit={submit}>
      <label for="call-recap">Call recap</label>
      <textarea
        id="call-recap"
        rows={4}
        value={recap}
        disabled={busy}
        placeholder="What was discussed and agreed."
        onInput={(event) => {
          setRecap(event.currentTarget.value);
          onDrafting(event.currentTarget.value.trim().length > 0);
        }}
      />
      <div class="reply-options">
        <label for="call-direction">Direction</label>
        <select id="call-direction" value={direction} onChange={(event) => setDirection(event.currentTarget.value as CallDirection)}>
          <option value="inbound">the customer called us</option>
          <option value="outbound">we called the customer</option>
        </select>
        <label>
          Minutes{' '}
          <input type="number" min={0} max={1440} inputMode="numeric" value={minutes} onInput={(event) => setMinutes(event.currentTarget.value)} />
        </label>
        {mayEmail && (
          <label>
            <input type="checkbox" checked={emailToCustomer} onChange={(event) => setEmailToCustomer(event.currentTarget.checked)} /> Email
            this recap to the customer
          </label>
        )}
        <button type="submit" disabled={busy || !recap.trim()}>
          Log call
        </button>
      </div>
      {call.error && <ErrorMessage error={call.error} />}
    </form>
  );
}
