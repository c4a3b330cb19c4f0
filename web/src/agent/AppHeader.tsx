import type { ComponentChildren } from 'preact';
import { HealthBadge } from './health/HealthBadge.tsx';
import { digestHref, featureRequestsHref, inboxHref, knowledgeBaseHref, metricsHref, onCallHref, savedRepliesHref, settingsHref } from './routing.ts';

/** `children`: badges that need the signed-in session (on call now), shown after the health badge. */
export function AppHeader({ agentName, onSignOut, children }: { agentName?: string; onSignOut?: () => void; children?: ComponentChildren }) {
  return (
    <header class="app-header">
      <a class="product-name" href={inboxHref()}>
        Switchboard
      </a>
      <HealthBadge />
      {children}
      {onSignOut && (
        <a class="nav-link" href={onCallHref()}>
          On call
        </a>
      )}
      {onSignOut && (
        <a class="nav-link" href={savedRepliesHref}>
          Saved replies
        </a>
      )}
      {onSignOut && (
        <a class="nav-link" href={knowledgeBaseHref}>
          Knowledge base
        </a>
      )}
      {onSignOut && (
        <a class="nav-link" href={featureRequestsHref}>
          Feature requests
        </a>
      )}
      {onSignOut && (
        <a class="nav-link" href={metricsHref}>
          Metrics
        </a>
      )}
      {onSignOut && (
        <a class="nav-link" href={digestHref}>
          Weekly digest
        </a>
      )}
      {onSignOut && (
        <a class="nav-link" href={settingsHref}>
          My settings
        </a>
      )}
      {onSignOut && (
        <span class="sign-out">
          <span class="signed-in-as">{agentName}</span>{' '}
          <button type="button" class="link-button" onClick={onSignOut}>
            Sign out
          </button>
        </span>
      )}
    </header>
  );
}
