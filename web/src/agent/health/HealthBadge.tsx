import { useQuery } from '@tanstack/preact-query';
import { checkHealth, checkingHealth } from './health.ts';

const recheckEveryMs = 30_000;

/** "Storage: healthy" or what is wrong with storage, re-checked every 30 seconds. */
export function HealthBadge() {
  const { data: health = checkingHealth } = useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => checkHealth(signal),
    refetchInterval: recheckEveryMs,
  });
  return (
    <p class={`health-badge health-${health.state}`} role="status">
      {health.text}
    </p>
  );
}
