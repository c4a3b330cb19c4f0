import { ErrorMessage } from './ErrorMessage.tsx';

/** What a screen shows until its query has data: why the load failed, or a muted line saying what is loading. */
export function QueryStatus({ error, pending, loading = 'Loading…' }: { error: unknown; pending: boolean; loading?: string }) {
  return (
    <>
      {error ? <ErrorMessage error={error} /> : null}
      {pending && <p class="loading">{loading}</p>}
    </>
  );
}
