import { useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { createComponent, statusKey, type StatusComponent } from '../api/status.ts';
import { useApi } from '../session/session.tsx';
import { describedBy, FieldError } from './FieldError.tsx';
import { StateBadge } from './StatusBadge.tsx';
import { byGroup, componentStates, isFieldless, stateLabel, type State } from './statusFormat.ts';

/**
 * The page's components by group with their current state. Admins add them; states change through incidents and
 * maintenance (the API has no direct edit, rename or delete yet: docs/status.md).
 */
export function ComponentsPanel({ components, isAdmin }: { components: StatusComponent[]; isAdmin: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <section class="status-panel" aria-labelledby="status-components-title">
      <div class="status-heading">
        <h2 id="status-components-title">Components</h2>
        {isAdmin && (
          <button type="button" onClick={() => setAdding(!adding)}>
            {adding ? 'Cancel' : 'Add component'}
          </button>
        )}
      </div>
      {!isAdmin && <p class="hint">Only admins add components.</p>}
      {adding && <ComponentForm groups={[...new Set(components.map((c) => c.group).filter((g): g is string => !!g))]} onDone={() => setAdding(false)} />}
      {components.length === 0 && <p class="empty">No components yet: add the parts of the product customers rely on.</p>}
      {byGroup(components).map(([group, members]) => (
        <div key={group} class="status-group">
          {group && <h3>{group}</h3>}
          <ul class="status-components" aria-label={group ? `Components in ${group}` : 'Components'}>
            {members.map((c) => (
              <li key={c.id} data-component={c.id}>
                <span class="status-component-name">{c.name}</span> <StateBadge state={c.state as State} />
                {c.description && <p class="hint">{c.description}</p>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function ComponentForm({ groups, onDone }: { groups: string[]; onDone: () => void }) {
  const api = useApi();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [group, setGroup] = useState('');
  const [description, setDescription] = useState('');
  const [state, setState] = useState<State>('operational');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await createComponent(api, { name, group: group || null, description: description || null, state, position: null });
      await queries.invalidateQueries({ queryKey: statusKey });
      onDone();
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };
  return (
    <form class="status-form" onSubmit={submit} aria-label="New component">
      <label>
        Name
        <input value={name} maxLength={100} required aria-describedby={describedBy(error, 'name', 'component-name-error')} onInput={(e) => setName(e.currentTarget.value)} />
        <FieldError error={error} field="name" id="component-name-error" />
      </label>
      <label>
        Group <span class="hint">(optional)</span>
        <input value={group} maxLength={100} list="status-groups" aria-describedby={describedBy(error, 'group', 'component-group-error')} onInput={(e) => setGroup(e.currentTarget.value)} />
        <datalist id="status-groups">
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <FieldError error={error} field="group" id="component-group-error" />
      </label>
      <label>
        Description <span class="hint">(optional)</span>
        <input value={description} maxLength={500} onInput={(e) => setDescription(e.currentTarget.value)} />
        <FieldError error={error} field="description" id="component-description-error" />
      </label>
      <label>
        Current state
        <select value={state} onChange={(e) => setState(e.currentTarget.value as State)}>
          {componentStates.map((s) => (
            <option key={s} value={s}>
              {stateLabel(s)}
            </option>
          ))}
        </select>
      </label>
      {error !== null && isFieldless(error, ['name', 'group', 'description']) && <ErrorMessage error={error} />}
      <button type="submit" disabled={saving}>
        {saving ? 'Adding…' : 'Add component'}
      </button>
    </form>
  );
}
