/** What a person is told when an API call fails: the problem's title, and its detail when it has one. */
export interface ProblemMessage {
  title: string;
  detail?: string;
  /** A validation problem's first message per field, keyed by the API's JSON path (`levels[0].escalateAfter`). */
  fields?: Record<string, string>;
}

/** A failed API call. `status` is 0 when the API did not answer at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail?: string;
  readonly fields: Record<string, string>;
  /** The parsed error body, for problems that carry more than words (e.g. a stale reply's new messages). */
  readonly body?: unknown;

  constructor(status: number, problem: ProblemMessage, body?: unknown) {
    super(problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.detail = problem.detail;
    this.fields = problem.fields ?? {};
    this.body = body;
  }
}

/**
 * Reads an error response body as an RFC 9457 problem (`title`, `detail`); a body that is not one
 * still yields a readable sentence built from the HTTP status.
 */
export function describeProblem(status: number, statusText: string, body: unknown): ProblemMessage {
  const title = textField(body, 'title') ?? `The server answered ${status}${statusText ? ` ${statusText}` : ''}.`;
  const detail = textField(body, 'detail');
  const fields = fieldErrors(body);
  return { title, ...(detail ? { detail } : {}), ...(fields ? { fields } : {}) };
}

/** `errors` of a validation problem (`{field: [message, …]}`), the first message of each; undefined when there are none. */
function fieldErrors(body: unknown): Record<string, string> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as Record<string, unknown>)['errors'];
  if (typeof errors !== 'object' || errors === null) return undefined;
  const fields: Record<string, string> = {};
  for (const [field, messages] of Object.entries(errors)) {
    const first: unknown = Array.isArray(messages) ? messages[0] : messages;
    if (typeof first === 'string' && first.trim() !== '') fields[field] = first.trim();
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function textField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
