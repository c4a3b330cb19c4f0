import '../search/library.css';
import { useQuery } from '@tanstack/preact-query';
import { formatDateTime, formatRelativeTime } from '../../shared/format/relativeTime.ts';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { useNow } from '../../shared/ui/useNow.ts';
import { customerQuery } from '../api/customers.ts';
import { conversationHref, customerHref } from '../routing.ts';
import { useApi } from '../session/session.tsx';
import { CustomerNotesEditor } from './CustomerNotesEditor.tsx';

/**
 * Who the customer is: name and address, first and last contact, the team's notes (editable), and their
 * conversations. For the conversation page's side (props: the customer's email) and the customer page.
 */
export function CustomerPanel({ email, headingLevel = 2 }: { email: string; headingLevel?: 1 | 2 }) {
  const now = useNow();
  const { data: customer, error } = useQuery(customerQuery(useApi(), email));
  if (error) return <ErrorMessage error={error} />;
  if (!customer) return <p class="loading">Loading customer…</p>;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso} title={formatDateTime(new Date(iso))}>{formatRelativeTime(new Date(iso), now)}</time> : 'never';
  return (
    <aside class="customer-panel panel" aria-label="Customer">
      <Heading>{headingLevel === 1 ? customer.name || customer.email : <a href={customerHref(customer.email)}>{customer.name || customer.email}</a>}</Heading>
      <dl>
        <dt>Email</dt>
        <dd>{customer.email}</dd>
        <dt>First contact</dt>
        <dd>{when(customer.firstContactAt)}</dd>
        <dt>Last contact</dt>
        <dd>{when(customer.lastContactAt)}</dd>
      </dl>
      <CustomerNotesEditor key={customer.email} email={customer.email} notes={customer.notes} />
      <h3>Conversations ({customer.conversations.length})</h3>
      <ul class="customer-conversations" aria-label="Customer's conversations">
        {customer.conversations.map((c) => (
          <li key={c.id}>
            <a href={conversationHref(c.id)}>{c.subject || '(no subject)'}</a> <span class={`status status-${c.status}`}>{c.status}</span>{' '}
            {when(c.lastActivityAt)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
