// Base styles first, so each view's own stylesheet (imported by its component) comes after them.
import '../shared/styles/base.css';
import './agent.css';
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { render } from 'preact';
import { LocationProvider } from 'preact-iso';
import { App } from './App.tsx';
import { legacyHashPath } from './routing.ts';

// Links of the old hash router (/#/conversations/{id}, /#/sign-in?error=used) are in mails already sent.
const legacy = legacyHashPath(location.hash);
if (legacy) history.replaceState(null, '', legacy);

// Server state lives in the query cache: a view shown again is shown at once from it and refreshed behind.
// A failed load is shown, not retried three times first: most failures here are answers (401, 404), not blips.
const queries = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } });

render(
  <QueryClientProvider client={queries}>
    {/* API paths (raw messages, attachments) are links to the server, not pages of the app. */}
    <LocationProvider scope={/^\/(?!api\/)/}>
      <App />
    </LocationProvider>
  </QueryClientProvider>,
  document.getElementById('app')!,
);
