import { useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Options } from '../../shared/ui/Options.tsx';
import { createComponent, deleteComponent, statusKey, updateComponent, type StatusComponent } from '../api/status.ts';
import { useApi } from '../session/session.tsx';
import { describedBy, FieldError } from './FieldError.tsx';
import { StateBadge } from './StatusBadge.tsx';
import { byGroup, componentStates, isFieldless, stateLabel, type State } from './statusFormat.ts';
import { useStatusSave } from './useStatusSave.ts';

/**
 * The page's components by group with their current state. Admins add, edit (a state set here is outside any
 * incident) and delete them; incidents and maintenance change states too.
 */
export function ComponentsPanel({ components, isAdmin }: { components: StatusComponent[]; isAdmin: boolean }) {
  const api = useApi();
  const queries = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const groups = [...new Set(components.map((c) => c.group).filter((g): g is string => !!g))];
  const remove = async (component: StatusComponent) => {
    if (!confirm(`Delete “${component.name}” from the status page? Its uptime checks are deleted too.`)) return;
    setDeleteError(null);
    try {
      await deleteComponent(api, component.id);
      await queries.invalidateQueries({ queryKey: statusKey });
    } catch (e) {
      setDeleteError(e);
    }
  };
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
      {adding && <ComponentForm groups={groups} onDone={() => setAdding(false)} />}
      {deleteError !== null && <ErrorMessage error={deleteError} />}
      {components.length === 0 && <p class="empty">No components yet: add the parts of the product customers rely on.</p>}
      {byGroup(components).map(([group, members]) => (
        <div key={group} class="status-group">
          {group && <h3>{group}</h3>}
          <ul class="status-components" aria-label={group ? `Components in ${group}` : 'Components'}>
            {members.map((c) => (
              <li key={c.id} data-component={c.id}>
                <span class="status-component-name">{c.name}</span>{' '}
                <span>
                  <StateBadge state={c.state as State} />
                  {isAdmin && (
                    <>
                      {' '}
                      <button type="button" class="link-button" aria-label={`Edit ${c.name}`} onClick={() => setEditing(editing === c.id ? null : c.id)}>
                        Edit
                      </button>{' '}
                      <button type="button" class="link-button" aria-label={`Delete ${c.name}`} onClick={() => void remove(c)}>
                        Delete
                      </button>
                    </>
                  )}
                </span>
                {c.description && <p class="hint">{c.description}</p>}
                {editing === c.id && (
                  <div class="status-edit">
                    <ComponentForm component={c} groups={groups} onDone={() => setEditing(null)} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Adding a component, or editing `component`. */
function ComponentForm({ component, groups, onDone }: { component?: StatusComponent; groups: string[]; onDone: () => void }) {
  const api = useApi();
  const [name, setName] = useState(component?.name ?? '');
  const [group, setGroup] = useState(component?.group ?? '');
  const [description, setDescription] = useState(component?.description ?? '');
  const [state, setState] = useState<State>((component?.state as State | undefined) ?? 'operational');
  const prefix = component ? `component-${component.id}` : 'component';
  const verb = component ? 'Save' : 'Add component';
  const { submit, saving, error } = useStatusSave(async () => {
    const body = { name, group: group || null, description: description || null, state, position: null };
    if (component) await updateComponent(api, component.id, body);
    else await createComponent(api, body);
  }, onDone);
  return (
    <form class="status-form" onSubmit={submit} aria-label={component ? `Edit ${component.name}` : 'New component'}>
      <label>
        Name
        <input value={name} maxLength={100} required aria-describedby={describedBy(error, 'name', `${prefix}-name-error`)} onInput={(e) => setName(e.currentTarget.value)} />
        <FieldError error={error} field="name" id={`${prefix}-name-error`} />
      </label>
      <label>
        Group <span class="hint">(optional)</span>
        <input value={group} maxLength={100} list={`${prefix}-groups`} aria-describedby={describedBy(error, 'group', `${prefix}-group-error`)} onInput={(e) => setGroup(e.currentTarget.value)} />
        <datalist id={`${prefix}-groups`}>
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <FieldError error={error} field="group" id={`${prefix}-group-error`} />
      </label>
      <label>
        Description <span class="hint">(optional)</span>
        <input value={description} maxLength={500} onInput={(e) => setDescription(e.currentTarget.value)} />
        <FieldError error={error} field="description" id={`${prefix}-description-error`} />
      </label>
      <label>
        Current state
        <select value={state} onChange={(e) => setState(e.currentTarget.value as State)}>
          <Options values={componentStates} label={stateLabel} />
        </select>
      </label>
      {error !== null && isFieldless(error, ['name', 'group', 'description']) && <ErrorMessage error={error} />}
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : verb}
      </button>
      {component && (
        <button type="button" class="link-button" onClick={onDone}>
          Cancel
        </button>
      )}
    </form>
  );
}
