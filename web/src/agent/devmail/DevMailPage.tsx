import './devmail.css';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { devMailHref, devMailMessageHref } from '../routing.ts';
import { useApiGet } from '../session/session.tsx';
import { getSinkMail, listSinkMail } from './devMail.ts';
import { useLoad } from './useLoad.ts';

/** The mail sink: what Switchboard would have emailed, newest first. Only a local host (or a signed-in agent) sees it. */
export function DevMailPage() {
  const get = useApiGet();
  const { data, error, loading } = useLoad((signal) => listSinkMail(get, signal), get);
  return (
    <section class="panel dev-mail" aria-labelledby="dev-mail-title">
      <h1 id="dev-mail-title">Dev mail view</h1>
      <p class="muted">Outgoing mail kept by the local mail sink instead of being sent.</p>
      {error !== null && <ErrorMessage error={error} />}
      {loading && <p>Loading…</p>}
      {data && data.items.length === 0 && <p>No mail yet.</p>}
      {data && data.items.length > 0 && (
        <ul class="dev-mail-list">
          {data.items.map((mail) => (
            <li key={mail.id}>
              <a href={devMailMessageHref(mail.id)}>{mail.subject || '(no subject)'}</a>
              <span class="muted"> to {mail.to} · {new Date(mail.sentAt).toLocaleString()}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One message of the sink, its text shown as text (never as HTML). */
export function DevMailMessagePage({ id }: { id: string }) {
  const get = useApiGet();
  const { data, error, loading } = useLoad((signal) => getSinkMail(get, id, signal), `${id}`);
  return (
    <section class="panel dev-mail" aria-labelledby="dev-mail-subject">
      <p>
        <a href={devMailHref}>← All mail</a>
      </p>
      {error !== null && <ErrorMessage error={error} />}
      {loading && <p>Loading…</p>}
      {data && (
        <>
          <h1 id="dev-mail-subject">{data.subject || '(no subject)'}</h1>
          <dl class="dev-mail-headers">
            <dt>From</dt>
            <dd>{data.from}</dd>
            <dt>To</dt>
            <dd>{data.to}</dd>
            <dt>Sent</dt>
            <dd>{new Date(data.sentAt).toLocaleString()}</dd>
            {Object.entries(data.headers).map(([name, value]) => (
              <>
                <dt key={`${name}-name`}>{name}</dt>
                <dd key={`${name}-value`}>{value}</dd>
              </>
            ))}
          </dl>
          <pre class="dev-mail-text">{data.text}</pre>
          {data.html && <p class="muted">This message also has an HTML part, not shown here.</p>}
        </>
      )}
    </section>
  );
}
