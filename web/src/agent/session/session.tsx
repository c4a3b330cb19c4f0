import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { getJson } from '../../shared/api/getJson.ts';
import { sendJson } from '../../shared/api/sendJson.ts';
import { ApiError } from '../../shared/api/problem.ts';

/** Reads an API resource as the signed-in agent. */
export type ApiGet = <T>(path: string, signal?: AbortSignal) => Promise<T>;

/** Changes an API resource as the signed-in agent (POST, PUT, DELETE); null for 204. */
export type ApiSend = <T>(method: string, path: string, body?: unknown) => Promise<T | null>;

const SessionContext = createContext<ApiGet | null>(null);
const SendContext = createContext<ApiSend | null>(null);

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
  const send = useMemo<ApiSend>(
    () =>
      async <T,>(method: string, path: string, body?: unknown) => {
        try {
          return await sendJson<T>(method, path, apiKey, body);
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) onKeyRejected();
          throw error;
        }
      },
    [apiKey, onKeyRejected],
  );
  return (
    <SessionContext.Provider value={get}>
      <SendContext.Provider value={send}>{children}</SendContext.Provider>
    </SessionContext.Provider>
  );
}

export function useApiGet(): ApiGet {
  const get = useContext(SessionContext);
  if (!get) throw new Error('useApiGet is used outside a SessionProvider.');
  return get;
}

export function useApiSend(): ApiSend {
  const send = useContext(SendContext);
  if (!send) throw new Error('useApiSend is used outside a SessionProvider.');
  return send;
}
