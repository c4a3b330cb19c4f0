/** What a person is told when an API call fails: the problem's title, and its detail when it has one. */
export interface ProblemMessage {
  title: string;
  detail?: string;
}

/** A failed API call. `status` is 0 when the API did not answer at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail?: string;
  /** The parsed error body, for problems that carry more than words (e.g. a stale reply's new messages). */
  readonly body?: unknown;

  constructor(status: number, problem: ProblemMessage, body?: unknown) {
    super(problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.detail = problem.detail;
    this.body = body;
  }
}

/**
 * Reads an error response body as an RFC 9457 problem (`title`, `detail`); a body that is not one
 * still yields a readable sentence built from the HTTP status.
 */
export function describeProblem(status: number, statusText: string, body: unknown): ProblemMessage {
  const title = textField(body, 'title');
  const detail = textField(body, 'detail');
  if (title) return detail ? { title, detail } : { title };
  const fallback = `The server answered ${status}${statusText ? ` ${statusText}` : ''}.`;
  return detail ? { title: fallback, detail } : { title: fallback };
}

function textField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
