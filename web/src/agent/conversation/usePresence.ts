import { useEffect, useState } from 'preact/hooks';
import { beatPresence, type Presence, type PresenceState } from '../api/toolkit.ts';
import { useApiSend } from '../session/session.tsx';

/** Heartbeats the server counts fresh for 40 s; every 15 s leaves room for one lost beat. */
export const presenceBeatMs = 15_000;

/** Beats while the conversation is open (at once, every 15 s, and when the state changes); returns who else is here. */
export function usePresence(conversationId: string, state: PresenceState): Presence[] {
  const send = useApiSend();
  const [others, setOthers] = useState<Presence[]>([]);
  useEffect(() => {
    let live = true;
    const beat = () =>
      beatPresence(send, conversationId, state).then(
        (answer) => {
          if (live && answer) setOthers(answer.others);
        },
        () => undefined,
      );
    void beat();
    const timer = setInterval(() => void beat(), presenceBeatMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [send, conversationId, state]);
  return others;
}
