import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { NamedOptions } from '../../shared/ui/Options.tsx';
import { schedulesQuery } from '../api/oncall.ts';
import { checksQuery, createCheck, type StatusComponent } from '../api/status.ts';
import { useApi } from '../session/session.tsx';
import { describedBy, FieldError } from './FieldError.tsx';
import { isFieldless, uptimeLabel } from './statusFormat.ts';
import { useStatusSave } from './useStatusSave.ts';

/** Uptime checks with their last result, response time and 90-day uptime; admins add them. */
export function ChecksPanel({ components, isAdmin }: { components: StatusComponent[]; isAdmin: boolean }) {
  const { data: checks, error } = useQuery(checksQuery(useApi()));
  const [adding, setAdding] = useState(false);
  const name = (id: string) => components.find((c) => c.id === id)?.name ?? id;
  return (
    <section class="status-panel" aria-labelledby="status-checks-title">
      <div class="status-heading">
        <h2 id="status-checks-title">Uptime checks</h2>
        {isAdmin && (
          <button type="button" onClick={() => setAdding(!adding)} disabled={components.length === 0}>
            {adding ? 'Cancel' : 'Add check'}
          </button>
        )}
      </div>
      {!isAdmin && <p class="hint">Only admins add checks.</p>}
      {adding && <CheckForm components={components} onDone={() => setAdding(false)} />}
      {error && <ErrorMessage error={error} />}
      {checks?.length === 0 && <p class="empty">No checks yet. A check requests a URL every 1–5 minutes and marks its component down when it fails twice in a row.</p>}
      {checks && checks.length > 0 && (
        <table class="status-checks" aria-label="Uptime checks">
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">URL</th>
              <th scope="col">Every</th>
              <th scope="col">Last result</th>
              <th scope="col">Response time</th>
              <th scope="col">Uptime (90 days)</th>
            </tr>
          </thead>
          <tbody>
            {checks.map(({ check, state, uptime90d }) => (
              <tr key={check.id}>
                <td>{name(check.componentId)}</td>
                <td>
                  <code>{check.url}</code>
                </td>
                <td>{check.intervalMinutes} min</td>
                <td>
                  {state.lastRunAt === null ? (
                    <span class="hint">Not run yet</span>
                  ) : (
                    <span class={state.lastRunUp ? 'check-up' : 'check-down'}>
                      {state.down ? 'Down' : state.lastRunUp ? 'Up' : 'Failed'} <span class="hint">{new Date(state.lastRunAt).toLocaleTimeString()}</span>
                    </span>
                  )}
                </td>
                <td>{state.recentResponseMs.length > 0 ? `${state.recentResponseMs[state.recentResponseMs.length - 1]} ms` : '–'}</td>
                <td>{uptimeLabel(uptime90d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CheckForm({ components, onDone }: { components: StatusComponent[]; onDone: () => void }) {
  const api = useApi();
  const { data: schedules } = useQuery(schedulesQuery(api));
  const [componentId, setComponentId] = useState(components[0]?.id ?? '');
  const [url, setUrl] = useState('https://');
  const [interval, setIntervalMinutes] = useState(1);
  const [expected, setExpected] = useState(200);
  const [bodyContains, setBodyContains] = useState('');
  const [timeout, setTimeoutSeconds] = useState(10);
  const [openIncident, setOpenIncident] = useState(true);
  const [scheduleId, setScheduleId] = useState('');
  const fields = ['componentId', 'url', 'intervalMinutes', 'expectedStatus', 'bodyContains', 'timeoutSeconds', 'pageScheduleId'];
  const { submit, saving, error } = useStatusSave(async () => {
    await createCheck(api, {
      componentId,
      url,
      intervalMinutes: interval,
      expectedStatus: expected,
      bodyContains: bodyContains || null,
      timeoutSeconds: timeout,
      openIncident,
      pageScheduleId: scheduleId || null,
    });
  }, onDone);
  const err = (field: string) => ({ 'aria-describedby': describedBy(error, field, `check-${field}-error`) });
  return (
    <form class="status-form" onSubmit={submit} aria-label="New uptime check">
      <label>
        Component
        <select value={componentId} onChange={(e) => setComponentId(e.currentTarget.value)} {...err('componentId')}>
          <NamedOptions items={components} />
        </select>
        <FieldError error={error} field="componentId" id="check-componentId-error" />
      </label>
      <label>
        URL
        <input type="url" value={url} required onInput={(e) => setUrl(e.currentTarget.value)} {...err('url')} />
        <FieldError error={error} field="url" id="check-url-error" />
      </label>
      <div class="inline-fields">
        <label>
          Interval
          <select value={interval} onChange={(e) => setIntervalMinutes(Number(e.currentTarget.value))} {...err('intervalMinutes')}>
            {[1, 2, 3, 4, 5].map((m) => (
              <option key={m} value={m}>
                Every {m} min
              </option>
            ))}
          </select>
          <FieldError error={error} field="intervalMinutes" id="check-intervalMinutes-error" />
        </label>
        <label>
          Expected status
          <input type="number" min={100} max={599} value={expected} onInput={(e) => setExpected(Number(e.currentTarget.value))} {...err('expectedStatus')} />
          <FieldError error={error} field="expectedStatus" id="check-expectedStatus-error" />
        </label>
        <label>
          Timeout (seconds)
          <input type="number" min={1} max={30} value={timeout} onInput={(e) => setTimeoutSeconds(Number(e.currentTarget.value))} {...err('timeoutSeconds')} />
          <FieldError error={error} field="timeoutSeconds" id="check-timeoutSeconds-error" />
        </label>
      </div>
      <label>
        Body must contain <span class="hint">(optional)</span>
        <input value={bodyContains} maxLength={200} onInput={(e) => setBodyContains(e.currentTarget.value)} {...err('bodyContains')} />
        <FieldError error={error} field="bodyContains" id="check-bodyContains-error" />
      </label>
      <label class="checkbox">
        <input type="checkbox" checked={openIncident} onChange={(e) => setOpenIncident(e.currentTarget.checked)} /> Open an incident automatically when it goes down
      </label>
      <label>
        Page on call
        <select value={scheduleId} onChange={(e) => setScheduleId(e.currentTarget.value)} {...err('pageScheduleId')}>
          <option value="">Nobody</option>
          <NamedOptions items={schedules} />
        </select>
        <FieldError error={error} field="pageScheduleId" id="check-pageScheduleId-error" />
      </label>
      {error !== null && isFieldless(error, fields) && <ErrorMessage error={error} />}
      <button type="submit" disabled={saving}>
        {saving ? 'Adding…' : 'Add check'}
      </button>
    </form>
  );
}
