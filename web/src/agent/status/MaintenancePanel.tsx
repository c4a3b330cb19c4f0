import { useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { cancelMaintenance, scheduleMaintenance, statusKey, type Maintenance, type StatusComponent } from '../api/status.ts';
import { useApi } from '../session/session.tsx';
import { describedBy, FieldError } from './FieldError.tsx';
import { fromLocalInput, isFieldless, maintenanceLists, offsetLabel, toLocalInput } from './statusFormat.ts';
import { useStatusSave } from './useStatusSave.ts';

/** The viewer's zone, as the window's times are entered and shown in it ("Europe/Berlin, UTC+01:00"). */
const zoneLabel = () => `${Intl.DateTimeFormat().resolvedOptions().timeZone}, ${offsetLabel(new Date().getTimezoneOffset())}`;

/**
 * Scheduled maintenance: upcoming (each can be cancelled before it starts), in progress, completed and cancelled
 * windows, and a form to schedule one (it starts and completes by itself).
 */
export function MaintenancePanel({ maintenances, components }: { maintenances: Maintenance[]; components: StatusComponent[] }) {
  const api = useApi();
  const queries = useQueryClient();
  const [scheduling, setScheduling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const cancel = async (m: Maintenance) => {
    if (!confirm(`Cancel the maintenance “${m.title}”? It leaves the public page.`)) return;
    setCancelError(null);
    try {
      await cancelMaintenance(api, m.id);
      await queries.invalidateQueries({ queryKey: statusKey });
    } catch (e) {
      setCancelError(e);
    }
  };
  const lists = maintenanceLists(maintenances);
  const name = (id: string) => components.find((c) => c.id === id)?.name ?? id;
  const list = (label: string, windows: Maintenance[]) => (
    <>
      <h3>{label}</h3>
      {windows.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ul class="status-maintenances" aria-label={`${label} maintenance`}>
          {windows.map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong>{' '}
              <span class="hint">
                {new Date(m.startsAt).toLocaleString()} – {new Date(m.endsAt).toLocaleString()} · {m.componentIds.map(name).join(', ')}
              </span>
              {m.status === 'scheduled' && (
                <>
                  {' '}
                  <button type="button" class="link-button" aria-label={`Cancel ${m.title}`} onClick={() => void cancel(m)}>
                    Cancel
                  </button>
                </>
              )}
              <p>{m.message}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return (
    <section class="status-panel" aria-labelledby="status-maintenance-title">
      <div class="status-heading">
        <h2 id="status-maintenance-title">Maintenance</h2>
        <button type="button" onClick={() => setScheduling(!scheduling)} disabled={components.length === 0}>
          {scheduling ? 'Cancel' : 'Schedule maintenance'}
        </button>
      </div>
      {scheduling && <MaintenanceForm components={components} onDone={() => setScheduling(false)} />}
      {list('In progress', lists.inProgress)}
      {list('Upcoming', lists.upcoming)}
      {list('Completed', lists.completed)}
      {lists.cancelled.length > 0 && list('Cancelled', lists.cancelled)}
      {cancelError !== null && <ErrorMessage error={cancelError} />}
      <p class="hint">Times in your zone ({zoneLabel()}).</p>
    </section>
  );
}

function MaintenanceForm({ components, onDone }: { components: StatusComponent[]; onDone: () => void }) {
  const api = useApi();
  const inAnHour = new Date(Date.now() + 60 * 60_000);
  inAnHour.setMinutes(0, 0, 0);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState(toLocalInput(new Date(inAnHour.getTime() + 60 * 60_000)));
  const [endsAt, setEndsAt] = useState(toLocalInput(new Date(inAnHour.getTime() + 2 * 60 * 60_000)));
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const zone = zoneLabel();
  const { submit, saving, error } = useStatusSave(async () => {
    await scheduleMaintenance(api, { title, message, components: chosen, startsAt: fromLocalInput(startsAt), endsAt: fromLocalInput(endsAt) });
  }, onDone);
  return (
    <form class="status-form" onSubmit={submit} aria-label="Schedule maintenance">
      <label>
        Title
        <input value={title} required maxLength={200} aria-describedby={describedBy(error, 'title', 'maintenance-title-error')} onInput={(e) => setTitle(e.currentTarget.value)} />
        <FieldError error={error} field="title" id="maintenance-title-error" />
      </label>
      <div class="inline-fields">
        <label>
          Starts ({zone})
          <input type="datetime-local" value={startsAt} required aria-describedby={describedBy(error, 'startsAt', 'maintenance-starts-error')} onInput={(e) => setStartsAt(e.currentTarget.value)} />
          <FieldError error={error} field="startsAt" id="maintenance-starts-error" />
        </label>
        <label>
          Ends ({zone})
          <input type="datetime-local" value={endsAt} required aria-describedby={describedBy(error, 'endsAt', 'maintenance-ends-error')} onInput={(e) => setEndsAt(e.currentTarget.value)} />
          <FieldError error={error} field="endsAt" id="maintenance-ends-error" />
        </label>
      </div>
      <fieldset>
        <legend>Components under maintenance</legend>
        {components.map((c) => (
          <label key={c.id} class="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(c.id)}
              onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))}
            />{' '}
            {c.name}
          </label>
        ))}
        <FieldError error={error} field="components" id="maintenance-components-error" />
      </fieldset>
      <label>
        Message
        <textarea value={message} required maxLength={5000} aria-describedby={describedBy(error, 'message', 'maintenance-message-error')} onInput={(e) => setMessage(e.currentTarget.value)} />
        <FieldError error={error} field="message" id="maintenance-message-error" />
      </label>
      {error !== null && isFieldless(error, ['title', 'startsAt', 'endsAt', 'components', 'message']) && <ErrorMessage error={error} />}
      <button type="submit" disabled={saving}>
        {saving ? 'Scheduling…' : 'Schedule'}
      </button>
    </form>
  );
}
