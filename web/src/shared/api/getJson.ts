import { ApiError, describeProblem } from './problem.ts';

/** Reads one JSON resource of the Switchboard API as the agent whose key is given. */
export async function getJson<T>(path: string, apiKey: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${apiKey}` },
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
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, describeProblem(response.status, response.statusText, body));
  }
  return (await response.json()) as T;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
