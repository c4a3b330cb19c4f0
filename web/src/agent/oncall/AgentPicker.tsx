import { useAssignees } from '../assignees/useAssignees.ts';
import { AgentName, useAgentNames } from './AgentName.tsx';

interface AgentPickerProps {
  /** What the group is called, e.g. "Participants of layer 1, in turn". */
  label: string;
  /** Agent ids in order (the order matters for a rotation). */
  value: string[];
  onChange: (ids: string[]) => void;
}

/** Agents chosen from the team list, in order: each shown by name with a Remove button; a list adds the next one. */
export function AgentPicker({ label, value, onChange }: AgentPickerProps) {
  const { items } = useAssignees();
  const nameOf = useAgentNames();
  const left = items.filter((agent) => !value.includes(agent.id));
  return (
    <fieldset class="agent-picker">
      <legend>{label}</legend>
      {value.length > 0 && (
        <ol class="picked-agents">
          {value.map((id) => (
            <li key={id}>
              <AgentName name={nameOf(id)} />{' '}
              <button type="button" class="link-button" aria-label={`Remove ${nameOf(id)}`} onClick={() => onChange(value.filter((other) => other !== id))}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <label>
        Add an agent
        <select
          value=""
          disabled={left.length === 0}
          onChange={(event) => {
            const id = event.currentTarget.value;
            if (id) onChange([...value, id]);
          }}
        >
          <option value="">{left.length === 0 ? 'Everyone is added' : 'Choose…'}</option>
          {left.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name} ({agent.email})
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
