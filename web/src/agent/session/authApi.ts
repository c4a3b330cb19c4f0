import { getJson, sendJson } from '../../shared/api/getJson.ts';
import { credentialHeaders, type Credential } from './credentials.ts';

// The sign-in contract of the JSON API (/api/auth/*).

export interface CurrentAgent {
  id: string;
  email: string | null;
  name: string | null;
  role: 'admin' | 'agent' | 'trainee';
  via: 'session' | 'api-key' | 'bootstrap-key';
  /** Set for a cookie session: sent back as X-Switchboard-Csrf on every change. */
  csrfToken: string | null;
  /** Email me each new conversation; null for API keys (they have no preferences). */
  notifyNewConversations?: boolean | null;
}

/** Who this browser is: with an API key when one is given, else by the session cookie (401 when there is none). */
export function fetchCurrentAgent(apiKey: string | null): Promise<CurrentAgent> {
  return getJson<CurrentAgent>('/api/auth/me', apiKey ? credentialHeaders({ kind: 'api-key', apiKey }) : {});
}

export function requestSignInLink(email: string): Promise<unknown> {
  return sendJson('POST', '/api/auth/magic-links', {}, { email });
}

export function signOut(credential: Credential): Promise<unknown> {
  return sendJson('POST', '/api/auth/sign-out', credentialHeaders(credential));
}
