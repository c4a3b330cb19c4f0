import { assigneeName, useAssignees } from '../assignees/useAssignees.ts';
import { initials } from './timelineLayout.ts';

/** Turns agent ids into names with the team list (GET /api/assignees); an id nobody has stays as it is. */
export function useAgentNames(): (id: string | null) => string {
  const assignees = useAssignees();
  return (id) => assigneeName(assignees, id) ?? 'Nobody';
}

/** An agent as people know them: an initials avatar, then the name. */
export function AgentName({ name }: { name: string }) {
  return (
    <span class="agent-name">
      <span class="avatar" aria-hidden="true">
        {initials(name)}
      </span>
      {name}
    </span>
  );
}
