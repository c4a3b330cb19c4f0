import { ApiError, describeProblem } from './problem.ts';

/**
 * Sends a change to the Switchboard API as the agent whose key is given: a JSON body when there is one, the answer's
 * JSON back (null for 204). A 4xx becomes an ApiError whose detail says what to fix.
 */
export async function sendJson<T>(method: string, path: string, apiKey: string, body?: unknown): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      title: 'The Switchboard API did not answer.',
      detail: 'Check that the host is running (./scripts/run.sh), then try again.',
    });
  }
  if (!response.ok) {
    const problem: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, describeProblem(response.status, response.statusText, problem));
  }
  return response.status === 204 ? null : ((await response.json()) as T);
}
