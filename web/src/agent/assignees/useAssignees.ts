import { useQuery } from '@tanstack/preact-query';
import { ok } from '../../shared/api/client.ts';
import type { AssigneeList } from '../api/toolkit.ts';
import { useApi } from '../session/session.tsx';

const none: AssigneeList = { me: null, items: [] };

/** The active agents (to show, assign, mention, put on call) and who "me" is; empty until loaded or if it fails. */
export function useAssignees(): AssigneeList {
  const api = useApi();
  const { data } = useQuery({ queryKey: ['assignees'], queryFn: ({ signal }) => ok(api.GET('/api/assignees', { signal })), staleTime: 60_000 });
  return data ?? none;
}

/** The agent's name; the id itself for someone who is not (or no longer) an active agent; null for nobody. */
export const assigneeName = (list: AssigneeList, id: string | null) =>
  id === null ? null : (list.items.find((agent) => agent.id === id)?.name ?? id);
