import { capitalise, stateLabel, type State } from './statusFormat.ts';

/** A component's state in its colour, as on the public page. */
export function StateBadge({ state }: { state: State }) {
  return <span class={`status-state is-${state.replace(/_/g, '-')}`}>{stateLabel(state)}</span>;
}

/** An incident's impact or status as a small label. */
export function IncidentLabel({ kind, value }: { kind: 'impact' | 'status'; value: string }) {
  return <span class={`status-label ${kind}-${value}`}>{kind === 'impact' ? `${capitalise(value)} impact` : capitalise(value)}</span>;
}
