// The static front end (web/dist) on Azure Static Web Apps, with the function app linked as its /api backend.
// The web app calls the API and follows download links by relative /api paths, so both must share one origin;
// docs/deploy.md explains why this rules out the storage $web site and the Free plan.

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
