import type { ComponentChildren } from 'preact';
import { statusSubscribersHref } from './routing.ts';
import { HealthBadge } from './health/HealthBadge.tsx';
import { digestHref, featureRequestsHref, inboxHref, knowledgeBaseHref, metricsHref, onCallHref, savedRepliesHref, settingsHref, statusPageHref } from './routing.ts';

/** The header's links for a signed-in agent, in the order shown. */
const navigation: ReadonlyArray<readonly [label: string, href: () => string]> = [
  ['On call', onCallHref],
  ['Saved replies', () => savedRepliesHref],
  ['Knowledge base', () => knowledgeBaseHref],
  ['Status page', () => statusPageHref],
  ['Feature requests', () => featureRequestsHref],
  ['Metrics', () => metricsHref],
  ['Status subscribers', () => statusSubscribersHref],
  ['Weekly digest', () => digestHref],
  ['My settings', () => settingsHref],
];

/** `children`: badges that need the signed-in session (on call now), shown after the health badge. */
export function AppHeader({ agentName, onSignOut, children }: { agentName?: string; onSignOut?: () => void; children?: ComponentChildren }) {
  return (
    <header class="app-header">
      <a class="product-name" href={inboxHref()}>
        Switchboard
      </a>
      <HealthBadge />
      {children}
      {onSignOut &&
        navigation.map(([label, href]) => (
          <a key={label} class="nav-link" href={href()}>
            {label}
          </a>
        ))}
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
