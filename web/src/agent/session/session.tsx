import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { getJson, sendJson } from '../../shared/api/getJson.ts';
import { ApiError } from '../../shared/api/problem.ts';
import { credentialHeaders, type Credential } from './credentials.ts';

/** Reads an API resource as the signed-in agent. */
export type ApiGet = <T>(path: string, signal?: AbortSignal) => Promise<T>;

/** Changes an API resource as the signed-in agent (POST, PUT, DELETE); null for 204. `headers`: e.g. If-Match. */
export type ApiSend = <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<T | null>;

const SessionContext = createContext<ApiGet | null>(null);
const SendContext = createContext<ApiSend | null>(null);

interface SessionProviderProps {
  /** Null: not signed in (the dev mail view still reads what a local host lets anyone read). */
  credential: Credential | null;
  /** Called when the API rejects the credential (401), so the app can sign in again. */
  onRejected: () => void;
  children: ComponentChildren;
}

export function SessionProvider({ credential, onRejected, children }: SessionProviderProps) {
  const get = useMemo<ApiGet>(
    () =>
      async <T,>(path: string, signal?: AbortSignal) => {
        try {
          return await getJson<T>(path, credentialHeaders(credential), signal);
        } catch (error) {
          if (credential && error instanceof ApiError && error.status === 401) onRejected();
          throw error;
        }
      },
    [credential, onRejected],
  );
  const send = useMemo<ApiSend>(
    () =>
      async <T,>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
        try {
          return (await sendJson<T | undefined>(method, path, { ...headers, ...credentialHeaders(credential) }, body)) ?? null;
        } catch (error) {
          if (credential && error instanceof ApiError && error.status === 401) onRejected();
          throw error;
        }
      },
    [credential, onRejected],
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
