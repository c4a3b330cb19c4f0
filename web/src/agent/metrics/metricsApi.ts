import { queryOptions } from '@tanstack/preact-query';
import { ok, withQuery, type Api, type Schema } from '../../shared/api/client.ts';

// Team metrics: GET /api/metrics and /api/metrics/export.csv (same query). Team level only: nothing names an agent.

export type MetricsReport = Schema<'MetricsReport'>;
export type VolumePoint = Schema<'VolumePoint'>;

export const metricsKey = ['metrics'] as const;

export const metricsReportQuery = (api: Api, query: Record<string, string>) =>
  queryOptions({
    queryKey: [...metricsKey, query],
    queryFn: ({ signal }) => ok(api.GET('/api/metrics', { signal, ...withQuery(query) })),
  });

/** The CSV of the same period: same origin, so the session cookie (or the browser's own download) carries the credential. */
export const exportHref = (query: Record<string, string>) => `/api/metrics/export.csv?${new URLSearchParams(query)}`;

/**
 * Fetches the CSV with the app's credential (an API key travels in a header a plain link cannot send) and hands it
 * to the browser as a download named as the server names it.
 */
export async function downloadCsv(api: Api, query: Record<string, string>): Promise<void> {
  let name = 'metrics.csv';
  const blob = await ok(
    api.GET('/api/metrics/export.csv', { ...withQuery(query), parseAs: 'blob' }).then((answer) => {
      name = /filename="?([^";]+)"?/.exec(answer.response.headers.get('Content-Disposition') ?? '')?.[1] ?? name;
      return answer;
    }),
  );
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
