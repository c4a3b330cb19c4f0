// The public static site: the knowledge base under /kb/ and the status page under /status/. The app deploys it itself
// (StaticWebAppDeployer: a zip of the current releases through Resource Manager's zip deployment), so page views run
// no function and the pages stay up while the function app is down. The Free plan: two custom domains with free,
// auto-renewed certificates, no fixed fee, no SLA (docs/deploy.md).

param name string

@description('Static Web Apps runs in a few regions only; the content is served from a global edge anyway.')
param location string
param tags object

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    stagingEnvironmentPolicy: 'Disabled'
    // staticwebapp.config.json in each deployment carries the hardening headers.
    allowConfigFileUpdates: true
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostname
