import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { searchHref } from '../routing.ts';

/** The search field of the inbox header: Enter opens the results page (/search?q=). "/" focuses it from the inbox. */
export function SearchBox({ initial = '' }: { initial?: string }) {
  const { route } = useLocation();
  const [q, setQ] = useState(initial);
  return (
    <form
      class="search-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        if (q.trim()) route(searchHref(q.trim()));
      }}
    >
      <input
        type="search"
        aria-label="Search conversations"
        placeholder="Search subject, customer, messages…"
        value={q}
        onInput={(event) => setQ(event.currentTarget.value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}
