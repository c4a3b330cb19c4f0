import './devmail.css';
import { useQuery } from '@tanstack/preact-query';
import { QueryStatus } from '../../shared/ui/QueryStatus.tsx';
import { devMailHref, devMailMessageHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { linkify, sinkMailListQuery, sinkMailQuery, sinkPhoneQuery } from './devMail.ts';

/** The mail sink: what Switchboard would have emailed, newest first. Only a local host (or a signed-in agent) sees it. */
export function DevMailPage() {
  const { data, error, isPending } = useQuery(sinkMailListQuery(useApi()));
  return (
    <section class="panel dev-mail" aria-labelledby="dev-mail-title">
      <h1 id="dev-mail-title">Dev mail view</h1>
      <p class="muted">Outgoing mail kept by the local mail sink instead of being sent.</p>
      <QueryStatus error={error} pending={isPending} />
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
      <DevPhoneList />
    </section>
  );
}

/** The phone sink's texts and calls (pages, verification codes), newest first; absent when real Twilio sends them. */
function DevPhoneList() {
  const { data } = useQuery(sinkPhoneQuery(useApi()));
  if (!data) return null;
  return (
    <section aria-labelledby="dev-phone-title">
      <h2 id="dev-phone-title">Texts and calls</h2>
      {data.items.length === 0 ? (
        <p>No texts or calls yet.</p>
      ) : (
        <ul class="dev-mail-list" aria-labelledby="dev-phone-title">
          {data.items.map((item) => (
            <li key={item.id}>
              <strong>{item.kind === 'call' ? 'Call' : 'Text'}</strong> to {item.to}
              <span class="muted"> · {new Date(item.sentAt).toLocaleString()}</span>
              <pre class="dev-mail-text">{item.body}</pre>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One message of the sink, its text shown as text (never as HTML). */
export function DevMailMessagePage({ id }: { id: string }) {
  const { data, error, isPending } = useQuery(sinkMailQuery(useApi(), id));
  return (
    <section class="panel dev-mail" aria-labelledby="dev-mail-subject">
      <p>
        <a href={devMailHref}>← All mail</a>
      </p>
      <QueryStatus error={error} pending={isPending} />
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
          {/* Text nodes and http(s) links only: the sign-in link is one click away, nothing in the mail runs. */}
          <pre class="dev-mail-text">
            {linkify(data.text).map((part, index) => (part.href ? <a key={index} href={part.href}>{part.text}</a> : part.text))}
          </pre>
          {data.html && <p class="muted">This message also has an HTML part, not shown here.</p>}
        </>
      )}
    </section>
  );
}
