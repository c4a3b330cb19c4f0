import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { conversationsKey } from '../api/conversations.ts';
import { beatPresence, type Presence, type PresenceState } from '../api/toolkit.ts';
import { useApi } from '../session/session.tsx';

/** Heartbeats the server counts fresh for 40 s; every 15 s leaves room for one lost beat. */
export const presenceBeatMs = 15_000;

const nobody: Presence[] = [];

/**
 * Beats while the conversation is open (at once, every 15 s, and when the state changes); returns who else is here.
 * A beat is a POST, but it is read like a query: its answer is who else is here, polled while the page is shown.
 */
export function usePresence(conversationId: string, state: PresenceState): Presence[] {
  const api = useApi();
  const queries = useQueryClient();
  const { data } = useQuery({
    queryKey: ['presence', conversationId, state],
    queryFn: async ({ signal }) => {
      const answer = await beatPresence(api, conversationId, state, signal);
      // A beat marks the conversation read for this agent: the inbox lists (not shown now) are read again on return.
      void queries.invalidateQueries({ queryKey: [...conversationsKey, 'list'] });
      return answer;
    },
    refetchInterval: presenceBeatMs,
    staleTime: 0,
    gcTime: 0,
  });
  return data?.others ?? nobody;
}
