import { useQuery } from '@tanstack/preact-query';
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
  const { data } = useQuery({
    queryKey: ['presence', conversationId, state],
    queryFn: ({ signal }) => beatPresence(api, conversationId, state, signal),
    refetchInterval: presenceBeatMs,
    staleTime: 0,
    gcTime: 0,
  });
  return data?.others ?? nobody;
}
