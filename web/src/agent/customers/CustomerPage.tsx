import { inboxHref } from '../routing.ts';
import { CustomerPanel } from './CustomerPanel.tsx';

/** /customers/{email}: everything about one customer. */
export function CustomerPage({ email }: { email: string }) {
  return (
    <section class="customer-page">
      <a class="back-link" href={inboxHref()}>
        ← Inbox
      </a>
      <CustomerPanel key={email} email={email} headingLevel={1} />
    </section>
  );
}
