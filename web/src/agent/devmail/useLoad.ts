import { useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';

/** Loads once per change of `key`; aborts the previous load. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: unknown) {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  useEffect(() => {
    const request = new AbortController();
    setState({ data: null, error: null, loading: true });
    load(request.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ data: null, error, loading: false });
      },
    );
    return () => request.abort();
  }, [key]);
  return state;
}
