import { useState } from 'preact/hooks';
import { ApiError } from '../../shared/api/problem.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { putPolicy, type PolicyView } from '../api/escalation.ts';
import type { ScheduleSummary, Weekday, WeeklyWindow } from '../api/oncall.ts';
import { useApi } from '../session/session.tsx';
import { AgentPicker } from './AgentPicker.tsx';
import { draftOf, errorAt, inputOf, newDraft, newLevel, type LevelDraft, type PolicyDraft } from './policyDraft.ts';

const days: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The server's message for a field (or anything under it), shown right below that field. */
function FieldError({ message }: { message: string | undefined }) {
  return message ? <p class="field-error">{message}</p> : null;
}

interface Props {
  view: PolicyView;
  schedules: ScheduleSummary[];
  onSaved: (view: PolicyView) => void;
  /** After a 409: read the policy again (the edit is lost; the person reapplies it). */
  onReload: () => void;
}

/**
 * One mailbox's escalation policy. Saves with the ETag read (If-Match); the server validates and names each bad field,
 * shown next to it; a policy changed meanwhile answers 409, which offers to load the current one.
 */
export function PolicyEditor({ view, schedules, onSaved, onReload }: Props) {
  const api = useApi();
  const [draft, setDraft] = useState<PolicyDraft>(() => (view.policy ? draftOf(view.policy, browserZone()) : newDraft(browserZone())));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const fields = error instanceof ApiError ? error.fields : {};
  const at = (path: string) => errorAt(fields, path);

  const change = (update: Partial<PolicyDraft>) => {
    setDraft({ ...draft, ...update });
    setSaved(false);
  };
  const changeLevel = (index: number, update: Partial<LevelDraft>) =>
    change({ levels: draft.levels.map((level, i) => (i === index ? { ...level, ...update } : level)) });
  const changeWindow = (index: number, update: Partial<WeeklyWindow>) =>
    change({ windows: draft.windows.map((window, i) => (i === index ? { ...window, ...update } : window)) });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      const result = await putPolicy(api, view.mailbox, inputOf(draft), view.etag);
      setError(null);
      setSaved(true);
      onSaved(result);
    } catch (failure) {
      setError(failure);
    }
  };

  const stale = error instanceof ApiError && error.status === 409;
  return (
    <form class="panel policy-form" onSubmit={submit} aria-label={`Escalation policy for ${view.mailbox}`} noValidate>
      {error !== null && <ErrorMessage error={error} />}
      {stale && (
        <button type="button" class="link-button" onClick={onReload}>
          Load the current policy
        </button>
      )}
      <label>
        Target first response (minutes)
        <input type="number" min={0} step="any" value={draft.targetMinutes} onInput={(e) => change({ targetMinutes: Number(e.currentTarget.value) })} />
      </label>
      <FieldError message={at('targetFirstResponse')} />
      {draft.levels.map((level, index) => (
        <fieldset key={index}>
          <legend>Level {index + 1}</legend>
          <label>
            Schedule
            <select value={level.scheduleId} onChange={(e) => changeLevel(index, { scheduleId: e.currentTarget.value })}>
              <option value="">No schedule</option>
              {schedules.map((schedule) => (
                <option key={schedule.id} value={schedule.id}>
                  {schedule.name}
                </option>
              ))}
            </select>
          </label>
          <AgentPicker label={`Named agents of level ${index + 1}`} value={level.agents} onChange={(agents) => changeLevel(index, { agents })} />
          <label>
            Escalate after (minutes)
            <input type="number" min={0} step="any" value={level.escalateAfterMinutes} onInput={(e) => changeLevel(index, { escalateAfterMinutes: Number(e.currentTarget.value) })} />
          </label>
          <FieldError message={at(`levels[${index}]`)} />
          {draft.levels.length > 1 && (
            <button type="button" class="link-button" onClick={() => change({ levels: draft.levels.filter((_, i) => i !== index) })}>
              Remove level {index + 1}
            </button>
          )}
        </fieldset>
      ))}
      <FieldError message={fields['levels']} />
      <button type="button" class="link-button" onClick={() => change({ levels: [...draft.levels, newLevel()] })}>
        Add a level
      </button>
      <label>
        Repeat the levels (times)
        <input type="number" min={0} value={draft.repeat} onInput={(e) => change({ repeat: Number(e.currentTarget.value) })} />
      </label>
      <FieldError message={at('repeat')} />
      <label>
        Outside support hours
        <select value={draft.afterHours} onChange={(e) => change({ afterHours: e.currentTarget.value as 'page' | 'wait' })}>
          <option value="page">page anyway</option>
          <option value="wait">wait until support hours start</option>
        </select>
      </label>
      <FieldError message={at('afterHours')} />
      <label class="checkbox">
        <input type="checkbox" checked={draft.hasSupportHours} onChange={(e) => change({ hasSupportHours: e.currentTarget.checked })} />
        Support hours
      </label>
      {draft.hasSupportHours && (
        <fieldset>
          <legend>Support hours</legend>
          <label>
            Support hours time zone
            <input value={draft.timeZoneId} onInput={(e) => change({ timeZoneId: e.currentTarget.value })} placeholder="Europe/Berlin" />
          </label>
          {draft.windows.map((window, index) => (
            <div class="inline-fields" key={index} role="group" aria-label={`Window ${index + 1}`}>
              <select aria-label="From day" value={window.startDay} onChange={(e) => changeWindow(index, { startDay: e.currentTarget.value as Weekday })}>
                {days.map((day) => <option key={day} value={day}>{day}</option>)}
              </select>
              <input type="time" aria-label="From time" value={window.startTime} onInput={(e) => changeWindow(index, { startTime: e.currentTarget.value })} />
              <select aria-label="To day" value={window.endDay} onChange={(e) => changeWindow(index, { endDay: e.currentTarget.value as Weekday })}>
                {days.map((day) => <option key={day} value={day}>{day}</option>)}
              </select>
              <input type="time" aria-label="To time" value={window.endTime} onInput={(e) => changeWindow(index, { endTime: e.currentTarget.value })} />
              <button type="button" class="link-button" onClick={() => change({ windows: draft.windows.filter((_, i) => i !== index) })}>
                Remove window {index + 1}
              </button>
            </div>
          ))}
          <button type="button" class="link-button" onClick={() => change({ windows: [...draft.windows, { startDay: 'saturday', startTime: '10:00', endDay: 'saturday', endTime: '14:00' }] })}>
            Add a window
          </button>
        </fieldset>
      )}
      <FieldError message={at('supportHours')} />
      <div class="form-actions">
        {saved && <span role="status">Saved.</span>}
        <button type="submit">Save policy</button>
      </div>
    </form>
  );
}
