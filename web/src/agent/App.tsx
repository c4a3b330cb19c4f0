import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../shared/api/problem.ts';
import { ErrorMessage } from '../shared/ui/ErrorMessage.tsx';
import { ConversationPage } from './conversation/ConversationPage.tsx';
import { CustomerPage } from './customers/CustomerPage.tsx';
import { DevMailMessagePage, DevMailPage } from './devmail/DevMailPage.tsx';
import { ApprovalsLink } from './drafts/ApprovalsLink.tsx';
import { ApprovalsPage } from './drafts/ApprovalsPage.tsx';
import { AppHeader } from './AppHeader.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { OnCallBadge } from './oncall/OnCallBadge.tsx';
import { OnCallPage } from './oncall/OnCallPage.tsx';
import { useRoute, type Route } from './routing.ts';
import { SavedRepliesPage } from './savedreplies/SavedRepliesPage.tsx';
import { SearchPage } from './search/SearchPage.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { ApiKeyForm } from './session/ApiKeyForm.tsx';
import { apiKeyStore } from './session/apiKeyStore.ts';
import { fetchCurrentAgent, signOut as endSession, type CurrentAgent } from './session/authApi.ts';
import type { Credential } from './session/credentials.ts';
import { EmailSignInForm } from './session/EmailSignInForm.tsx';
import { SessionProvider } from './session/session.tsx';

type Auth =
  | { state: 'checking' }
  | { state: 'signed-out'; keyRejected: boolean; error: unknown }
  | { state: 'signed-in'; agent: CurrentAgent; credential: Credential };

/**
 * The agent app: the header always; the dev mail view whether signed in or not (the server decides who reads it);
 * otherwise the routed page once signed in (session cookie or a kept API key), the sign-in form until then.
 */
export function App() {
  const route = useRoute();
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });
  const [useApiKey, setUseApiKey] = useState(false);

  const check = useCallback(async (apiKey: string | null) => {
    try {
      const agent = await fetchCurrentAgent(apiKey);
      const credential: Credential = apiKey ? { kind: 'api-key', apiKey } : { kind: 'session', csrfToken: agent.csrfToken ?? '' };
      setAuth({ state: 'signed-in', agent, credential });
    } catch (error) {
      const rejected = error instanceof ApiError && error.status === 401;
      if (apiKey && rejected) apiKeyStore.forget();
      setAuth({ state: 'signed-out', keyRejected: Boolean(apiKey) && rejected, error: rejected ? null : error });
    }
  }, []);

  useEffect(() => {
    void check(apiKeyStore.read());
  }, [check]);

  const signInWithKey = (key: string) => {
    apiKeyStore.save(key);
    setAuth({ state: 'checking' });
    void check(key);
  };
  const signOut = async () => {
    if (auth.state !== 'signed-in') return;
    if (auth.credential.kind === 'api-key') apiKeyStore.forget();
    else await endSession(auth.credential).catch(() => undefined);
    setUseApiKey(false);
    setAuth({ state: 'signed-out', keyRejected: false, error: null });
    location.hash = '#/sign-in';
  };
  const rejected = useCallback(() => {
    apiKeyStore.forget();
    setAuth({ state: 'signed-out', keyRejected: true, error: null });
  }, []);

  const credential = auth.state === 'signed-in' ? auth.credential : null;
  const devMail = route.page === 'dev-mail' || route.page === 'dev-mail-message';
  // The session covers the header too: its on-call badge asks the API once signed in.
  return (
    <SessionProvider credential={credential} onRejected={rejected}>
      <AppHeader
        agentName={auth.state === 'signed-in' ? (auth.agent.name ?? auth.agent.email ?? auth.agent.id) : undefined}
        onSignOut={auth.state === 'signed-in' ? () => void signOut() : undefined}
      >
        {auth.state === 'signed-in' && <OnCallBadge />}
        {auth.state === 'signed-in' && <ApprovalsLink />}
      </AppHeader>
      <main>
        {auth.state === 'checking' && !devMail ? (
          <p class="panel">Checking who you are…</p>
        ) : auth.state === 'signed-in' || devMail ? (
          <Page route={route} />
        ) : useApiKey ? (
          <ApiKeyForm keyRejected={auth.state === 'signed-out' && auth.keyRejected} onSignIn={signInWithKey} onCancel={() => setUseApiKey(false)} />
        ) : (
          <>
            {auth.state === 'signed-out' && auth.error !== null && <ErrorMessage error={auth.error} />}
            <EmailSignInForm linkError={route.page === 'sign-in' ? route.error : null} onUseApiKey={() => setUseApiKey(true)} />
          </>
        )}
      </main>
    </SessionProvider>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'inbox':
    case 'sign-in':
      return route.page === 'inbox' ? (
        <InboxPage key={`${route.view}-${route.status}`} status={route.status} view={route.view} />
      ) : (
        <InboxPage key="all-open" status="open" view="all" />
      );
    case 'conversation':
      return <ConversationPage id={route.id} />;
    case 'dev-mail':
      return <DevMailPage />;
    case 'dev-mail-message':
      return <DevMailMessagePage id={route.id} />;
    case 'oncall':
      return <OnCallPage scheduleId={route.scheduleId} />;
    case 'search':
      return <SearchPage q={route.q} />;
    case 'customer':
      return <CustomerPage email={route.email} />;
    case 'saved-replies':
      return <SavedRepliesPage />;
    case 'approvals':
      return <ApprovalsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return (
        <p class="panel">
          There is no page at this address. <a href="#/inbox">Go to the inbox</a>.
        </p>
      );
  }
}
