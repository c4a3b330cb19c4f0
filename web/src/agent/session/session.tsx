import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../../shared/api/client.ts';
import type { CurrentAgent } from './authApi.ts';

interface Session {
  /** The API as this browser's credential (or as nobody, for the dev mail view before sign-in). */
  api: Api;
  /** Who GET /api/auth/me says is signed in (the app's one query of it); null when nobody is. */
  me: CurrentAgent | null;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ api, me, children }: Session & { children: ComponentChildren }) {
  return <SessionContext.Provider value={{ api, me }}>{children}</SessionContext.Provider>;
}

function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('The session is used outside a SessionProvider.');
  return session;
}

/** The typed API client with the signed-in agent's credential. */
export const useApi = (): Api => useSession().api;

/** The signed-in agent as GET /api/auth/me describes them (id, name, role, preferences); null when nobody is. */
export const useCurrentAgent = (): CurrentAgent | null => useSession().me;
