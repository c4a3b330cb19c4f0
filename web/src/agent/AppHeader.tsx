import { HealthBadge } from './health/HealthBadge.tsx';

export function AppHeader({ agentName, onSignOut }: { agentName?: string; onSignOut?: () => void }) {
  return (
    <header class="app-header">
      <a class="product-name" href="#/inbox">
        Switchboard
      </a>
      <HealthBadge />
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
