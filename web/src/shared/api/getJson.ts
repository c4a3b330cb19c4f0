import { ApiError, describeProblem } from './problem.ts';

/**
 * Calls the Switchboard API and reads the JSON answer (undefined for 204). `headers` carry the caller's credential
 * (an API key, or the anti-forgery header of a cookie session; the cookie itself travels by itself, same origin).
 */
export async function sendJson<T>(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, {
      title: 'The Switchboard API did not answer.',
      detail: 'Check that the host is running (./scripts/run.sh), then try again.',
    });
  }
  if (!response.ok) {
    const problem: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, describeProblem(response.status, response.statusText, problem), problem);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** Reads one JSON resource of the Switchboard API with the given credential headers. */
export function getJson<T>(path: string, headers: Record<string, string>, signal?: AbortSignal): Promise<T> {
  return sendJson<T>('GET', path, headers, undefined, signal);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
