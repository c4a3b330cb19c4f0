import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { createSchedule, type LayerInput, type ShiftUnit, type WeeklyWindow } from '../api/oncall.ts';
import { useApi } from '../session/session.tsx';
import { AgentPicker } from './AgentPicker.tsx';

interface LayerDraft {
  /** Agent ids in turn order. */
  participants: string[];
  unit: ShiftUnit;
  count: number;
  handOffTime: string;
  startDate: string;
  businessHoursOnly: boolean;
}

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const businessHours: WeeklyWindow[] = weekdays.map((day) => ({ startDay: day, startTime: '09:00', endDay: day, endTime: '17:00' }));
const today = () => new Date().toISOString().slice(0, 10);
const newLayer = (): LayerDraft => ({ participants: [], unit: 'days', count: 7, handOffTime: '09:00', startDate: today(), businessHoursOnly: false });

function toLayer(draft: LayerDraft, index: number): LayerInput {
  return {
    name: `Layer ${index + 1}`,
    participants: draft.participants,
    shiftLength: { unit: draft.unit, count: draft.count },
    handOffTime: draft.handOffTime,
    startDate: draft.startDate,
    restrictions: draft.businessHoursOnly ? businessHours : [],
  };
}

/** A new schedule: name, zone, and one or more layers. The server checks it and names any field that is wrong. */
export function ScheduleForm({ onCreated }: { onCreated: (id: string) => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [timeZoneId, setTimeZoneId] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [layers, setLayers] = useState<LayerDraft[]>([newLayer()]);
  const [error, setError] = useState<unknown>(null);

  const update = (index: number, change: Partial<LayerDraft>) =>
    setLayers(layers.map((layer, i) => (i === index ? { ...layer, ...change } : layer)));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      const created = await createSchedule(api, { name: name.trim(), timeZoneId: timeZoneId.trim(), layers: layers.map(toLayer) });
      onCreated(created.id);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form class="panel schedule-form" onSubmit={submit} aria-label="New schedule">
      {error !== null && <ErrorMessage error={error} />}
      <label>
        Name
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} required />
      </label>
      <label>
        Time zone
        <input value={timeZoneId} onInput={(e) => setTimeZoneId(e.currentTarget.value)} required placeholder="Europe/Berlin" />
      </label>
      {layers.map((layer, index) => (
        <fieldset key={index}>
          <legend>Layer {index + 1} (later layers win where both have someone)</legend>
          <AgentPicker label={`Participants of layer ${index + 1}, in turn`} value={layer.participants} onChange={(participants) => update(index, { participants })} />
          <label>
            Shift length
            <span class="inline-fields">
              <input type="number" min={1} aria-label="Shift length" value={layer.count} onInput={(e) => update(index, { count: Number(e.currentTarget.value) })} />
              <select aria-label="Shift length unit" value={layer.unit} onChange={(e) => update(index, { unit: e.currentTarget.value as ShiftUnit })}>
                <option value="days">days</option>
                <option value="hours">hours</option>
              </select>
            </span>
          </label>
          <label>
            Hand-off time
            <input type="time" value={layer.handOffTime} onInput={(e) => update(index, { handOffTime: e.currentTarget.value })} required />
          </label>
          <label>
            First shift on
            <input type="date" value={layer.startDate} onInput={(e) => update(index, { startDate: e.currentTarget.value })} required />
          </label>
          <label class="checkbox">
            <input type="checkbox" checked={layer.businessHoursOnly} onChange={(e) => update(index, { businessHoursOnly: e.currentTarget.checked })} />
            Only business hours (Mon–Fri 09:00–17:00)
          </label>
        </fieldset>
      ))}
      <div class="form-actions">
        <button type="button" class="link-button" onClick={() => setLayers([...layers, newLayer()])}>
          Add a layer
        </button>
        <button type="submit">Create schedule</button>
      </div>
    </form>
  );
}
