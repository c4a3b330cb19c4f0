import { HealthBadge } from './health/HealthBadge.tsx';

export function AppHeader({ onSignOut }: { onSignOut?: () => void }) {
  return (
    <header class="app-header">
      <a class="product-name" href="#/inbox">
        Switchboard
      </a>
      <HealthBadge />
      {onSignOut && (
        <button type="button" class="link-button sign-out" onClick={onSignOut}>
          Sign out
        </button>
      )}
    </header>
  );
}
