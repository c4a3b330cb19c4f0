// Key Vault in RBAC mode holding Switchboard's secrets. The function app reads them through Key Vault references
// (see api.bicep) with its user-assigned identity, which holds Key Vault Secrets User (rbac.bicep).

param name string
param location string
param tags object

@secure()
@description('Shared secret of the inbound webhooks (Inbound:WebhookSecret), at least 16 characters.')
param inboundWebhookSecret string

@secure()
@description('API key of the first admin (Auth:BootstrapApiKey), at least 24 characters.')
param bootstrapApiKey string

@secure()
@description('Base64 of 32 or more random bytes that signs download links (Auth:SigningKey).')
param signingKey string

@secure()
@description('SendGrid API key for sending mail; stored only when storeSendGridApiKey is true.')
param sendGridApiKey string = ''

@description('False until outbound mail is set up: Key Vault does not hold an empty secret.')
param storeSendGridApiKey bool = false

@secure()
@description('Twilio auth token for SMS and voice pages (Twilio:AuthToken); stored only when storeTwilioAuthToken is true.')
param twilioAuthToken string = ''

@description('False until Twilio is set up: Key Vault does not hold an empty secret.')
param storeTwilioAuthToken bool = false

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource inboundWebhookSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'inbound-webhook-secret'
  properties: {
    value: inboundWebhookSecret
  }
}

resource bootstrapApiKeyEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bootstrap-api-key'
  properties: {
    value: bootstrapApiKey
  }
}

resource signingKeyEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'signing-key'
  properties: {
    value: signingKey
  }
}

var sendGridApiKeySecretName = 'sendgrid-api-key'

resource sendGridApiKeyEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeSendGridApiKey) {
  parent: vault
  name: sendGridApiKeySecretName
  properties: {
    value: sendGridApiKey
  }
}

var twilioAuthTokenSecretName = 'twilio-auth-token'

resource twilioAuthTokenEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeTwilioAuthToken) {
  parent: vault
  name: twilioAuthTokenSecretName
  properties: {
    value: twilioAuthToken
  }
}

output name string = vault.name
// Versionless URIs: the app picks up a new secret version within a day, or at once on restart.
output inboundWebhookSecretUri string = inboundWebhookSecretEntry.properties.secretUri
output bootstrapApiKeyUri string = bootstrapApiKeyEntry.properties.secretUri
output signingKeyUri string = signingKeyEntry.properties.secretUri
// Built from the vault URI rather than read from the conditional secret, so that it is known before deployment.
output sendGridApiKeyUri string = '${vault.properties.vaultUri}secrets/${sendGridApiKeySecretName}'
output twilioAuthTokenUri string = '${vault.properties.vaultUri}secrets/${twilioAuthTokenSecretName}'
