import { useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { listAssignees, type AssigneeList } from '../api/toolkit.ts';
import { useApiGet } from '../session/session.tsx';

const none: AssigneeList = { me: null, items: [] };

/** The active agents (to show, assign, mention) and who "me" is; empty until loaded or if it fails. */
export function useAssignees(): AssigneeList {
  const get = useApiGet();
  const [list, setList] = useState(none);
  useEffect(() => {
    const request = new AbortController();
    listAssignees(get, request.signal).then(setList, (error: unknown) => {
      if (!isAbort(error)) setList(none);
    });
    return () => request.abort();
  }, [get]);
  return list;
}

export const assigneeName = (list: AssigneeList, id: string | null) =>
  id === null ? null : (list.items.find((agent) => agent.id === id)?.name ?? id);
