import { useCallback, useState } from 'preact/hooks';
import { ConversationPage } from './conversation/ConversationPage.tsx';
import { AppHeader } from './AppHeader.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { OnCallBadge } from './oncall/OnCallBadge.tsx';
import { OnCallPage } from './oncall/OnCallPage.tsx';
import { useRoute, type Route } from './routing.ts';
import { apiKeyStore } from './session/apiKeyStore.ts';
import { SessionProvider } from './session/session.tsx';
import { SignInForm } from './session/SignInForm.tsx';

/** The agent app: the header always; the sign-in form until there is an API key, then the routed page. */
export function App() {
  const route = useRoute();
  const [apiKey, setApiKey] = useState(apiKeyStore.read);
  const [keyRejected, setKeyRejected] = useState(false);

  const signIn = (key: string) => {
    apiKeyStore.save(key);
    setKeyRejected(false);
    setApiKey(key);
  };
  const signOut = () => {
    apiKeyStore.forget();
    setApiKey(null);
  };
  const rejectKey = useCallback(() => {
    apiKeyStore.forget();
    setKeyRejected(true);
    setApiKey(null);
  }, []);

  if (!apiKey) {
    return (
      <>
        <AppHeader />
        <main>
          <SignInForm keyRejected={keyRejected} onSignIn={signIn} />
        </main>
      </>
    );
  }
  // Signed in, the session covers the header too: its on-call badge asks the API.
  return (
    <SessionProvider apiKey={apiKey} onKeyRejected={rejectKey}>
      <AppHeader onSignOut={signOut}>
        <OnCallBadge />
      </AppHeader>
      <main>
        <Page route={route} />
      </main>
    </SessionProvider>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'inbox':
      return <InboxPage key={route.status} status={route.status} />;
    case 'conversation':
      return <ConversationPage id={route.id} />;
    case 'oncall':
      return <OnCallPage scheduleId={route.scheduleId} />;
    case 'not-found':
      return (
        <p class="panel">
          There is no page at this address. <a href="#/inbox">Go to the inbox</a>.
        </p>
      );
  }
}
