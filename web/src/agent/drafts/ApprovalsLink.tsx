import { useEffect, useState } from 'preact/hooks';
import { listDrafts } from '../api/drafts.ts';
import { approvalsHref } from '../routing.ts';
import { useApiGet } from '../session/session.tsx';
import { useCurrentAgent } from '../session/useCurrentAgent.ts';

/** How often the header counts the queue again (it also does on every page change). */
const refreshMs = 30_000;

/** The header link to #/approvals, with how many drafts wait (for a trainee: their own drafts). */
export function ApprovalsLink() {
  const get = useApiGet();
  const me = useCurrentAgent();
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    let stop = new AbortController();
    const look = () => {
      stop.abort();
      stop = new AbortController();
      listDrafts(get, stop.signal).then((items) => setCount(items.filter((d) => d.state !== 'approved').length), () => undefined);
    };
    look();
    const timer = setInterval(look, refreshMs);
    addEventListener('hashchange', look);
    return () => {
      stop.abort();
      clearInterval(timer);
      removeEventListener('hashchange', look);
    };
  }, [get]);

  return (
    <a class="nav-link" href={approvalsHref}>
      {me?.role === 'trainee' ? 'My drafts' : 'Approvals'}{count !== null && count > 0 && <span class="nav-count"> ({count})</span>}
    </a>
  );
}
