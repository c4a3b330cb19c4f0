import { ApiError } from '../api/problem.ts';

/** Says what went wrong in words: the problem's title and detail for API errors, the message otherwise. */
export function ErrorMessage({ error }: { error: unknown }) {
  const title = error instanceof Error ? error.message : 'Something went wrong.';
  const detail = error instanceof ApiError ? error.detail : undefined;
  return (
    <div class="error-message" role="alert">
      <strong>{title}</strong>
      {detail && <p>{detail}</p>}
    </div>
  );
}
