/** The body of `GET /api/health`, sent with 200 (healthy) and 503 (unhealthy) alike. */
export interface HealthReport {
  status: 'healthy' | 'unhealthy';
  /** Per store ("tables", "queues", "blobs"): "ok", or why it failed. */
  storage: Record<string, string>;
  checkedAt: string;
}

export type HealthState = 'checking' | 'healthy' | 'unhealthy' | 'unknown';

export interface HealthView {
  state: HealthState;
  text: string;
}

export const checkingHealth: HealthView = { state: 'checking', text: 'Storage: checking…' };

/** The badge for a health report: healthy, or unhealthy with each failing store and its reason. */
export function describeHealth(report: HealthReport): HealthView {
  const failures = Object.entries(report.storage)
    .filter(([, result]) => result !== 'ok')
    .map(([store, reason]) => `${store}: ${reason}`);
  if (report.status === 'healthy' && failures.length === 0) {
    return { state: 'healthy', text: 'Storage: healthy' };
  }
  return { state: 'unhealthy', text: `Storage: unhealthy — ${failures.join('; ') || 'no reason given'}` };
}

const unreachable: HealthView = { state: 'unknown', text: 'Storage: unknown — the API did not answer' };

/** Asks the API for its health; never throws, so the badge always has something true to say. */
export async function checkHealth(signal?: AbortSignal): Promise<HealthView> {
  try {
    const response = await fetch('/api/health', { headers: { Accept: 'application/json' }, signal });
    if (response.status !== 200 && response.status !== 503) return unreachable;
    return describeHealth((await response.json()) as HealthReport);
  } catch {
    return unreachable;
  }
}
