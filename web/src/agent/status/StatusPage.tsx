import './status.css';
import { useQuery } from '@tanstack/preact-query';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { componentsQuery, incidentsQuery, maintenancesQuery } from '../api/status.ts';
import { publicStatusHref } from '../routing.ts';
import { useApi, useCurrentAgent } from '../session/session.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { ComponentsPanel } from './ComponentsPanel.tsx';
import { IncidentsPanel } from './IncidentsPanel.tsx';
import { MaintenancePanel } from './MaintenancePanel.tsx';
import { overallStatus, type Impact, type State } from './statusFormat.ts';

/**
 * `/status-page`: what the public status page (/status/) says and the tools to change it: components, incidents,
 * maintenance and uptime checks. Every change republishes the public page.
 */
export function StatusPage() {
  const api = useApi();
  const isAdmin = useCurrentAgent()?.role === 'admin';
  const components = useQuery(componentsQuery(api));
  const incidents = useQuery(incidentsQuery(api));
  const maintenances = useQuery(maintenancesQuery(api));
  const error = components.error ?? incidents.error ?? maintenances.error;
  const overall =
    components.data && incidents.data
      ? overallStatus(
          components.data.map((c) => c.state as State),
          incidents.data.filter((i) => i.status !== 'resolved').map((i) => i.impact as Impact),
        )
      : null;
  return (
    <section class="status-page" aria-labelledby="status-page-title">
      <div class="status-heading">
        <h1 id="status-page-title">Status page</h1>
        <a href={publicStatusHref} target="_blank" rel="noopener">
          View public page
        </a>
      </div>
      {error && <ErrorMessage error={error} />}
      {overall && (
        <p class={`status-overall is-${overall.indicator}`} id="status-overall">
          {overall.description}
        </p>
      )}
      {(components.isPending || incidents.isPending) && !error && <p class="loading">Loading the status page…</p>}
      {components.data && <ComponentsPanel components={components.data} isAdmin={isAdmin} />}
      {components.data && incidents.data && <IncidentsPanel incidents={incidents.data} components={components.data} />}
      {components.data && maintenances.data && <MaintenancePanel maintenances={maintenances.data} components={components.data} />}
      {components.data && <ChecksPanel components={components.data} isAdmin={isAdmin} />}
    </section>
  );
}
