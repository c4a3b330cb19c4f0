import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, describeProblem } from './problem.ts';
import type { components, paths } from '../../../generated/api-schema.d.ts';

/** The Switchboard API, typed from its OpenAPI document (web/generated/api-schema.d.ts: see web/README.md). */
export type Api = ReturnType<typeof createClient<paths>>;

/** A record of the API by its schema name: `Schema<'ScheduleView'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/**
 * A client that sends `headers()` (the credential: an API key, or a cookie session's anti-forgery header; the cookie
 * travels by itself, same origin) and calls `onUnauthorized` when the API answers 401.
 */
export function createApi(headers: () => Record<string, string>, onUnauthorized: () => void = () => undefined): Api {
  const api = createClient<paths>({ credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const credential: Middleware = {
    onRequest({ request }) {
      for (const [name, value] of Object.entries(headers())) request.headers.set(name, value);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onUnauthorized();
      return response;
    },
  };
  api.use(credential);
  return api;
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The answer's body, or an ApiError built from its problem+json body (a readable sentence from the status when the
 * body is not one); an ApiError with status 0 when the API did not answer at all. 204 gives undefined.
 */
export async function ok<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      title: 'The Switchboard API did not answer.',
      detail: 'Check that the host is running (./scripts/run.sh), then try again.',
    });
  }
  const { data, error, response } = answer;
  if (!response.ok) throw new ApiError(response.status, describeProblem(response.status, response.statusText, error), error);
  return data as T;
}

/**
 * The API reads its query parameters from the request, so the document lists none and the typed client has no place
 * for them: this passes them as the query string (`api.GET(path, withQuery({ status: 'open' }))`). Empty values are left out.
 */
export function withQuery(query: Record<string, string | number | null | undefined>) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  return { querySerializer: () => search.toString() };
}
