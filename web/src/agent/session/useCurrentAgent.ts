import { useEffect, useState } from 'preact/hooks';
import type { CurrentAgent } from './authApi.ts';
import { useApiGet } from './session.tsx';

/** The signed-in agent as GET /api/auth/me describes them (role, preferences); null until it answered. */
export function useCurrentAgent(): CurrentAgent | null {
  const get = useApiGet();
  const [agent, setAgent] = useState<CurrentAgent | null>(null);
  useEffect(() => {
    const stop = new AbortController();
    get<CurrentAgent>('/api/auth/me', stop.signal).then(setAgent, () => undefined);
    return () => stop.abort();
  }, [get]);
  return agent;
}
