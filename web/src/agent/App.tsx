import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Route, Router, useLocation } from 'preact-iso';
import { createApi } from '../shared/api/client.ts';
import { ErrorMessage } from '../shared/ui/ErrorMessage.tsx';
import { ConversationPage } from './conversation/ConversationPage.tsx';
import { CustomerPage } from './customers/CustomerPage.tsx';
import { DevMailMessagePage, DevMailPage } from './devmail/DevMailPage.tsx';
import { ApprovalsLink } from './drafts/ApprovalsLink.tsx';
import { ApprovalsPage } from './drafts/ApprovalsPage.tsx';
import { FeatureRequestsPage } from './featurerequests/FeatureRequestsPage.tsx';
import { SubscribersPage } from './status/SubscribersPage.tsx';
import { DigestPreviewPage } from './digest/DigestPreviewPage.tsx';
import { AppHeader } from './AppHeader.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { MetricsPage } from './metrics/MetricsPage.tsx';
import { ArticlePage } from './kb/ArticlePage.tsx';
import { ContactFormPage } from './kb/ContactFormPage.tsx';
import { KbInsightsPage } from './kb/KbInsightsPage.tsx';
import { KbPage } from './kb/KbPage.tsx';
import { OnCallBadge } from './oncall/OnCallBadge.tsx';
import { OnCallPage } from './oncall/OnCallPage.tsx';
import {
  approvalsHref,
  devMailHref,
  digestHref,
  featureRequestsHref,
  statusSubscribersHref,
  inboxHref,
  kbContactFormHref,
  kbInsightsHref,
  knowledgeBaseHref,
  metricsHref,
  onCallHref,
  routes,
  savedRepliesHref,
  settingsHref,
  signInHref,
  statusPageHref,
} from './routing.ts';
import { SavedRepliesPage } from './savedreplies/SavedRepliesPage.tsx';
import { SearchPage } from './search/SearchPage.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { IncidentPage } from './status/IncidentPage.tsx';
import { StatusPage } from './status/StatusPage.tsx';
import { ApiKeyForm } from './session/ApiKeyForm.tsx';
import { apiKeyStore } from './session/apiKeyStore.ts';
import { currentAgentKey, fetchCurrentAgent, signOut } from './session/authApi.ts';
import { credentialHeaders, type Credential } from './session/credentials.ts';
import { EmailSignInForm } from './session/EmailSignInForm.tsx';
import { SessionProvider } from './session/session.tsx';

/**
 * The agent app: the header always; the dev mail view whether signed in or not (the server decides who reads it);
 * otherwise the routed page once signed in (session cookie or a kept API key), the sign-in form until then.
 */
export function App() {
  const queries = useQueryClient();
  const { path, query, route } = useLocation();
  const [apiKey, setApiKey] = useState(apiKeyStore.read);
  const [keyRejected, setKeyRejected] = useState(false);
  const [useApiKey, setUseApiKey] = useState(false);
  const credential = useRef<Credential | null>(null);
  // Any 401 means the credential no longer holds: the app is signed out.
  const api = useMemo(() => createApi(() => credentialHeaders(credential.current), () => queries.setQueryData(currentAgentKey, null)), [queries]);

  if (apiKey) credential.current = { kind: 'api-key', apiKey };
  const me = useQuery({ queryKey: currentAgentKey, queryFn: ({ signal }) => fetchCurrentAgent(api, signal), staleTime: Infinity });
  const agent = me.data ?? null;
  if (!apiKey) credential.current = agent ? { kind: 'session', csrfToken: agent.csrfToken ?? '' } : null;

  useEffect(() => {
    if (me.data !== null || !apiKey) return;
    apiKeyStore.forget();
    setApiKey(null);
    setKeyRejected(true);
  }, [me.data, apiKey]);

  const signInWithKey = (key: string) => {
    apiKeyStore.save(key);
    credential.current = { kind: 'api-key', apiKey: key };
    setKeyRejected(false);
    setApiKey(key);
    void queries.resetQueries({ queryKey: currentAgentKey });
  };
  const signOutHere = async () => {
    if (apiKey) {
      apiKeyStore.forget();
      setApiKey(null);
    } else {
      await signOut(api).catch(() => undefined);
    }
    setUseApiKey(false);
    queries.setQueryData(currentAgentKey, null);
    // What the agent saw is not for whoever signs in next.
    queries.removeQueries({ predicate: (cached) => cached.queryKey[0] !== currentAgentKey[0] });
    route(signInHref);
  };

  const devMail = path === devMailHref || path.startsWith(`${devMailHref}/`);
  return (
    <SessionProvider api={api} me={agent}>
      <AppHeader agentName={agent ? (agent.name ?? agent.email ?? agent.id) : undefined} onSignOut={agent ? () => void signOutHere() : undefined}>
        {agent && <OnCallBadge />}
        {agent && <ApprovalsLink />}
      </AppHeader>
      <main>
        {me.isPending && !devMail ? (
          <p class="panel">Checking who you are…</p>
        ) : agent || devMail ? (
          <Pages />
        ) : useApiKey ? (
          <ApiKeyForm keyRejected={keyRejected} onSignIn={signInWithKey} onCancel={() => setUseApiKey(false)} />
        ) : (
          <>
            {me.isError && <ErrorMessage error={me.error} />}
            <EmailSignInForm linkError={path === signInHref ? (query['error'] ?? null) : null} onUseApiKey={() => setUseApiKey(true)} />
          </>
        )}
      </main>
    </SessionProvider>
  );
}

/** The page for the address: `/inbox?status=…&view=…` (also `/` and `/sign-in` once signed in), `/conversations/{id}`, … */
function Pages() {
  return (
    <Router>
      <Route path="/" component={InboxPage} />
      <Route path={inboxHref()} component={InboxPage} />
      <Route path={signInHref} component={InboxPage} />
      <Route path={routes.conversation} component={ConversationPage} />
      <Route path={devMailHref} component={DevMailPage} />
      <Route path={routes.devMailMessage} component={DevMailMessagePage} />
      <Route path={onCallHref()} component={OnCallPage} />
      <Route path={routes.schedule} component={OnCallPage} />
      <Route path="/search" component={SearchPage} />
      <Route path={routes.customer} component={CustomerPage} />
      <Route path={savedRepliesHref} component={SavedRepliesPage} />
      <Route path={approvalsHref} component={ApprovalsPage} />
      <Route path={featureRequestsHref} component={FeatureRequestsPage} />
      <Route path={statusSubscribersHref} component={SubscribersPage} />
      <Route path={metricsHref} component={MetricsPage} />
      <Route path={digestHref} component={DigestPreviewPage} />
      <Route path={settingsHref} component={SettingsPage} />
      <Route path={knowledgeBaseHref} component={KbPage} />
      <Route path={routes.kbArticle} component={ArticlePage} />
      <Route path={kbInsightsHref} component={KbInsightsPage} />
      <Route path={kbContactFormHref} component={ContactFormPage} />
      <Route path={statusPageHref} component={StatusPage} />
      <Route path={routes.statusIncident} component={IncidentPage} />
      <Route default component={NotFound} />
    </Router>
  );
}

function NotFound() {
  return (
    <p class="panel">
      There is no page at this address. <a href={inboxHref()}>Go to the inbox</a>.
    </p>
  );
}
