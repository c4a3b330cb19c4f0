import { queryOptions } from '@tanstack/preact-query';
import { ok, type Api, type Schema } from '../../shared/api/client.ts';

// The status page's API (docs/api.md, "Status page"): every change republishes the public page under /status/.

export type StatusComponent = Schema<'StatusComponent'>;
export type ComponentState = Schema<'ComponentState'>;
export type Incident = Schema<'IncidentView'>;
export type IncidentImpact = Schema<'IncidentImpact'>;
export type IncidentStatus = Schema<'IncidentStatus'>;
export type IncidentTemplate = Schema<'IncidentTemplate'>;
export type Maintenance = Schema<'Maintenance'>;
export type UptimeCheckView = Schema<'UptimeCheckView'>;
export type NewComponent = Schema<'NewComponent'>;
export type NewIncident = Schema<'NewIncident'>;
export type NewIncidentUpdate = Schema<'NewIncidentUpdate'>;
export type NewMaintenance = Schema<'NewMaintenance'>;
export type NewTemplate = Schema<'NewTemplate'>;
export type NewUptimeCheck = Schema<'NewUptimeCheck'>;

/** Every status query starts with this key, so one change can refresh the whole section. */
export const statusKey = ['status-page'] as const;

export const componentsQuery = (api: Api) =>
  queryOptions({ queryKey: [...statusKey, 'components'], queryFn: async ({ signal }) => (await ok(api.GET('/api/status/components', { signal }))).items });

export const incidentsQuery = (api: Api) =>
  queryOptions({ queryKey: [...statusKey, 'incidents'], queryFn: async ({ signal }) => (await ok(api.GET('/api/status/incidents', { signal }))).items });

export const incidentQuery = (api: Api, id: string) =>
  queryOptions({
    queryKey: [...statusKey, 'incidents', id],
    queryFn: ({ signal }) => ok(api.GET('/api/status/incidents/{id}', { params: { path: { id } }, signal })),
  });

export const maintenancesQuery = (api: Api) =>
  queryOptions({ queryKey: [...statusKey, 'maintenances'], queryFn: async ({ signal }) => (await ok(api.GET('/api/status/maintenances', { signal }))).items });

export const templatesQuery = (api: Api) =>
  queryOptions({ queryKey: [...statusKey, 'templates'], queryFn: async ({ signal }) => (await ok(api.GET('/api/status/templates', { signal }))).items });

export const checksQuery = (api: Api) =>
  queryOptions({ queryKey: [...statusKey, 'checks'], queryFn: async ({ signal }) => (await ok(api.GET('/api/status/checks', { signal }))).items });

export const createComponent = (api: Api, body: NewComponent) => ok(api.POST('/api/status/components', { body }));

export const openIncident = (api: Api, body: NewIncident) => ok(api.POST('/api/status/incidents', { body }));

export const postIncidentUpdate = (api: Api, id: string, body: NewIncidentUpdate) =>
  ok(api.POST('/api/status/incidents/{id}/updates', { params: { path: { id } }, body }));

export const writePostmortem = (api: Api, id: string, text: string) =>
  ok(api.PUT('/api/status/incidents/{id}/postmortem', { params: { path: { id } }, body: { text } }));

export const scheduleMaintenance = (api: Api, body: NewMaintenance) => ok(api.POST('/api/status/maintenances', { body }));

export const createTemplate = (api: Api, body: NewTemplate) => ok(api.POST('/api/status/templates', { body }));

export const createCheck = (api: Api, body: NewUptimeCheck) => ok(api.POST('/api/status/checks', { body }));

export const updateComponent = (api: Api, id: string, body: NewComponent) => ok(api.PUT('/api/status/components/{id}', { params: { path: { id } }, body }));

export const deleteComponent = (api: Api, id: string) => ok(api.DELETE('/api/status/components/{id}', { params: { path: { id } } }));

export const cancelMaintenance = (api: Api, id: string) => ok(api.POST('/api/status/maintenances/{id}/cancel', { params: { path: { id } } }));

export const updateTemplate = (api: Api, id: string, body: NewTemplate) => ok(api.PUT('/api/status/templates/{id}', { params: { path: { id } }, body }));

export const deleteTemplate = (api: Api, id: string) => ok(api.DELETE('/api/status/templates/{id}', { params: { path: { id } } }));
