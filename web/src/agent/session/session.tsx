import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { getJson } from '../../shared/api/getJson.ts';
import { ApiError } from '../../shared/api/problem.ts';

/** Reads an API resource as the signed-in agent. */
export type ApiGet = <T>(path: string, signal?: AbortSignal) => Promise<T>;

const SessionContext = createContext<ApiGet | null>(null);

interface SessionProviderProps {
  apiKey: string;
  /** Called when the API rejects the key (401), so the app can ask for it again. */
  onKeyRejected: () => void;
  children: ComponentChildren;
}

export function SessionProvider({ apiKey, onKeyRejected, children }: SessionProviderProps) {
  const get = useMemo<ApiGet>(
    () =>
      async <T,>(path: string, signal?: AbortSignal) => {
        try {
          return await getJson<T>(path, apiKey, signal);
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) onKeyRejected();
          throw error;
        }
      },
    [apiKey, onKeyRejected],
  );
  return <SessionContext.Provider value={get}>{children}</SessionContext.Provider>;
}

export function useApiGet(): ApiGet {
  const get = useContext(SessionContext);
  if (!get) throw new Error('useApiGet is used outside a SessionProvider.');
  return get;
}
