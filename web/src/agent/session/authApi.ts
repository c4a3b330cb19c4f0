import { ok, type Api, type Schema } from '../../shared/api/client.ts';
import { ApiError } from '../../shared/api/problem.ts';

// The sign-in contract of the JSON API (/api/auth/*).

/** Who is signed in: `csrfToken` is set for a cookie session and goes back as X-Switchboard-Csrf on every change. */
export type CurrentAgent = Schema<'CurrentAgent'>;

/** The key of the app's one GET /api/auth/me query. */
export const currentAgentKey = ['auth', 'me'] as const;

/** Who this browser is (by its API key or session cookie); null when the API says nobody (401). */
export async function fetchCurrentAgent(api: Api, signal?: AbortSignal): Promise<CurrentAgent | null> {
  try {
    return await ok(api.GET('/api/auth/me', { signal }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const requestSignInLink = (api: Api, email: string) => ok(api.POST('/api/auth/magic-links', { body: { email } }));

export const signOut = (api: Api) => ok(api.POST('/api/auth/sign-out'));
