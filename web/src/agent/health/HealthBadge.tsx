import { useEffect, useState } from 'preact/hooks';
import { checkHealth, checkingHealth } from './health.ts';

const recheckEveryMs = 30_000;

/** "Storage: healthy" or what is wrong with storage, re-checked every 30 seconds. */
export function HealthBadge() {
  const [health, setHealth] = useState(checkingHealth);

  useEffect(() => {
    const stop = new AbortController();
    const check = async () => {
      const result = await checkHealth(stop.signal);
      if (!stop.signal.aborted) setHealth(result);
    };
    void check();
    const timer = setInterval(check, recheckEveryMs);
    return () => {
      clearInterval(timer);
      stop.abort();
    };
  }, []);

  return (
    <p class={`health-badge health-${health.state}`} role="status">
      {health.text}
    </p>
  );
}
