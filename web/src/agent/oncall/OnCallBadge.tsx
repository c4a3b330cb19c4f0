import { useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../shared/api/getJson.ts';
import { getOnCallNow, type OnCallNowEntry } from '../api/oncall.ts';
import { onCallHref } from '../routing.ts';
import { useApiGet } from '../session/session.tsx';
import { onCallBadgeText } from './bandText.ts';

const recheckEveryMs = 60_000;

/** "On call now: ada" in the header, linking to the rota; nothing until a schedule exists. Re-checked every minute. */
export function OnCallBadge() {
  const get = useApiGet();
  const [entries, setEntries] = useState<OnCallNowEntry[]>([]);

  useEffect(() => {
    const stop = new AbortController();
    const check = async () => {
      try {
        const now = await getOnCallNow(get, stop.signal);
        if (!stop.signal.aborted) setEntries(now.schedules);
      } catch (error) {
        // The badge is a convenience: an error leaves the last answer in place, the page itself reports failures.
        if (!isAbort(error)) console.warn('On-call badge:', error);
      }
    };
    void check();
    const timer = setInterval(check, recheckEveryMs);
    addEventListener('switchboard:oncall-changed', check);
    return () => {
      clearInterval(timer);
      removeEventListener('switchboard:oncall-changed', check);
      stop.abort();
    };
  }, [get]);

  const text = onCallBadgeText(entries);
  return text ? (
    <a class="oncall-badge" href={onCallHref()} aria-label={text}>
      {text}
    </a>
  ) : null;
}

/** Tells the badge to ask again, after this page changed who is on call. */
export const announceOnCallChange = () => dispatchEvent(new Event('switchboard:oncall-changed'));
