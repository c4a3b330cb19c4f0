// Optional (agentAppOnStaticWebApps): the agent app (web/dist) on Azure Static Web Apps Standard, with the function
// app linked as its /api backend. By default the function app serves the agent app itself on the same origin as /api,
// with no fixed fee; this module is for teams that want the agent app on Static Web Apps' edge (docs/deploy.md).

param name string

@description('Static Web Apps runs in a few regions only; the content is served from a global edge anyway.')
param location string
param tags object

@description('Resource ID of the function app to serve under /api.')
param apiId string

@description('Region of the function app.')
param apiLocation string

resource web 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  // azd deploys the `web` service of azure.yaml to the resource with this tag.
  tags: union(tags, { 'azd-service-name': 'web' })
  // Linking an existing function app (bring your own functions) needs the Standard plan.
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }

  // Requests to /api/* are proxied to the function app. Linking also puts the "Azure Static Web Apps (Linked)"
  // identity provider on the function app, which then refuses requests that did not come through this site.
  resource backend 'linkedBackends' = {
    name: 'api'
    properties: {
      backendResourceId: apiId
      region: apiLocation
    }
  }
}

output name string = web.name
output defaultHostName string = web.properties.defaultHostname
