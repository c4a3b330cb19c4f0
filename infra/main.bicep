// Switchboard on Azure: one resource group with a Flex Consumption function app (which also serves the agent app),
// its storage account, Key Vault, monitoring, a user-assigned identity and the public static site (knowledge base,
// status page) on Static Web Apps Free. Nothing in it has a fixed monthly fee. `azd up` deploys it (docs/deploy.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the unique suffix of every resource.')
param environmentName string

@minLength(1)
@description('Region of everything but the static site; it must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Comma-separated origins of the public site besides its own *.azurestaticapps.net address (your custom domain, e.g. https://help.example.com): they may call /api/public/* from the browser (CORS), and the first is the knowledge base\'s public address.')
param publicSiteOrigins string = ''

@description('Region of the Static Web Apps resources (public site; agent app when agentAppOnStaticWebApps), offered in these regions only.')
@allowed(['westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia'])
param webLocation string = 'westeurope'

@description('Resource group name; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object ID of the person or CI principal deploying (azd sets AZURE_PRINCIPAL_ID); used only with grantDeployerAccess.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('Give the deployer data access to the storage account and read access to the Key Vault secrets.')
param grantDeployerAccess bool = true

@minLength(3)
@description('Support addresses, comma-separated, the default first (Mail:Mailboxes), e.g. support@example.com,billing@example.com.')
param mailboxes string

@description('Domain of the Message-IDs Switchboard creates (Mail:MessageIdDomain); empty for the first mailbox\'s domain.')
param messageIdDomain string = ''

@description('Public key of a signed SendGrid Inbound Parse policy (Inbound:SendGridVerificationKey); empty when unsigned.')
param sendGridVerificationKey string = ''

@secure()
@minLength(16)
@description('Shared secret of the inbound webhooks (Inbound:WebhookSecret).')
param inboundWebhookSecret string

@secure()
@minLength(24)
@description('API key of the first admin (Auth:BootstrapApiKey).')
param bootstrapApiKey string

@secure()
@minLength(44)
@description('Base64 of 32 or more random bytes (Auth:SigningKey), e.g. openssl rand -base64 32.')
param signingKey string

@secure()
@description('SendGrid API key for outgoing mail (SendGrid:ApiKey); empty until outbound mail is set up.')
param sendGridApiKey string = ''

@description('Where outgoing mail goes (Mail:Sender): sink keeps it in a table; sendgrid sends it (needs the API key).')
@allowed(['sink', 'sendgrid'])
param mailSender string = 'sink'

@secure()
@description('Twilio auth token for SMS and voice pages (Twilio:AuthToken); empty until Twilio is set up.')
param twilioAuthToken string = ''

@description('Where page texts and calls go (Twilio:Sender): sink keeps them in a table; twilio sends them (needs the account).')
@allowed(['sink', 'twilio'])
param twilioSender string = 'sink'

@description('The Twilio account SID (Twilio:AccountSid); empty until Twilio is set up.')
param twilioAccountSid string = ''

@description('The Twilio number texts and calls come from, E.164 (Twilio:FromNumber); empty until Twilio is set up.')
param twilioFromNumber string = ''

@description('Verification key of the Signed Event Webhook (SendGrid:EventWebhookPublicKey); empty refuses delivery events.')
param sendGridEventWebhookKey string = ''

@description('Memory of one function app instance in MB; GB-s are billed on it, so 512 keeps an idle month and a few thousand emails inside the free grant (docs/deploy.md).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 512

@description('Most instances the function app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Serve the agent app from Static Web Apps Standard (a fixed monthly fee) with the function app as its linked backend, instead of from the function app itself. Also add the web service to azure.yaml (docs/deploy.md).')
param agentAppOnStaticWebApps bool = false

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

var mailboxList = filter(map(split(mailboxes, ','), address => trim(address)), address => !empty(address))
var mailSettings = union(
  toObject(range(0, length(mailboxList)), i => 'Mail__Mailboxes__${i}', i => mailboxList[i]),
  empty(messageIdDomain) ? {} : { Mail__MessageIdDomain: messageIdDomain },
  { Mail__Sender: mailSender }
)
var inboundSettings = union(
  { Inbound__WebhookSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.inboundWebhookSecretUri})' },
  empty(sendGridVerificationKey) ? {} : { Inbound__SendGridVerificationKey: sendGridVerificationKey }
)
// The app publishes the knowledge base and status page to this site (StaticSite:StaticWebAppResourceId); its pages
// call /api/public/* from their own origin, so the app allows those origins (CORS, api.bicep).
var customSiteOrigins = filter(map(split(publicSiteOrigins, ','), origin => trim(origin)), origin => !empty(origin))
var siteOrigins = concat(customSiteOrigins, [siteUrl])
var staticSiteSettings = {
  StaticSite__StaticWebAppResourceId: site.outputs.id
  // Absolute links in the sitemap and feed, and the links agents insert into replies.
  KnowledgeBase__Url: '${siteOrigins[0]}/kb/'
}
var authSettings = {
  Auth__BootstrapApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.bootstrapApiKeyUri})'
  Auth__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.signingKeyUri})'
  // App Service's front ends append the address they saw: rate limits count that one, not the worker's connection.
  Auth__ClientAddressHeader: 'X-Forwarded-For'
}
// Always set, so that the settings do not hinge on a secure value (which also keeps them predictable before
// deployment); until the secret exists the reference stays unresolved, and SendGrid:ApiKey is read only once
// mailSender is sendgrid.
var sendGridSettings = union(
  { SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.sendGridApiKeyUri})' },
  empty(sendGridEventWebhookKey) ? {} : { SendGrid__EventWebhookPublicKey: sendGridEventWebhookKey }
)

// As for SendGrid: the Key Vault reference is always set; it resolves once the secret is stored, and the token is
// used (to send, and to check X-Twilio-Signature) only when it resolves.
var twilioSettings = union(
  { Twilio__AuthToken: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.twilioAuthTokenUri})', Twilio__Sender: twilioSender },
  empty(twilioAccountSid) ? {} : { Twilio__AccountSid: twilioAccountSid },
  empty(twilioFromNumber) ? {} : { Twilio__FromNumber: twilioFromNumber }
)

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    inboundWebhookSecret: inboundWebhookSecret
    bootstrapApiKey: bootstrapApiKey
    signingKey: signingKey
    sendGridApiKey: sendGridApiKey
    storeSendGridApiKey: !empty(sendGridApiKey)
    twilioAuthToken: twilioAuthToken
    storeTwilioAuthToken: !empty(twilioAuthToken)
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    staticSiteName: site.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    grantDeployerAccess: grantDeployerAccess
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  // The roles must exist before the app starts: Key Vault references are resolved, and the deployment
  // package read, when the site is created, and a failed Key Vault reference is not retried for hours.
  dependsOn: [rbac]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: union(mailSettings, inboundSettings, authSettings, sendGridSettings, twilioSettings, staticSiteSettings)
    corsAllowedOrigins: siteOrigins
  }
}

module site 'app/site.bicep' = {
  name: 'site'
  scope: rg
  params: {
    name: 'stapp-site-${resourceToken}'
    location: webLocation
    tags: tags
  }
}

module web 'app/web.bicep' = if (agentAppOnStaticWebApps) {
  name: 'web'
  scope: rg
  params: {
    name: 'stapp-${resourceToken}'
    location: webLocation
    tags: tags
    apiId: api.outputs.id
    apiLocation: location
  }
}

var webUrl = agentAppOnStaticWebApps ? 'https://${web!.outputs.defaultHostName}' : 'https://${api.outputs.defaultHostName}'
var siteUrl = 'https://${site.outputs.defaultHostName}'

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
@description('The function app itself (with agentAppOnStaticWebApps it answers only requests that came through WEB_URL).')
output API_URL string = 'https://${api.outputs.defaultHostName}'
@description('The agent app, and the public origin of the API under /api.')
output WEB_URL string = webUrl
@description('The public static site: knowledge base under /kb/, status page under /status/ (add your custom domain here).')
output SITE_URL string = siteUrl
@description('SendGrid Inbound Parse destination; replace the placeholder with the Key Vault secret inbound-webhook-secret.')
output SENDGRID_INBOUND_PARSE_URL string = '${webUrl}/api/inbound/sendgrid?key=<Key Vault secret inbound-webhook-secret>'
@description('SendGrid Event Webhook destination (Signed Event Webhook; its key goes in sendGridEventWebhookKey).')
output SENDGRID_EVENT_WEBHOOK_URL string = '${webUrl}/api/events/sendgrid'
