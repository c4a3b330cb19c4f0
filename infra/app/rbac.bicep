// Every role assignment of the deployment, in one place. The function app's user-assigned identity gets exactly
// what the app and the Functions host use; the deploying person optionally gets the same data access for local work.

param storageAccountName string
param staticSiteName string
param keyVaultName string
param applicationInsightsName string

@description('Principal (object) ID of the function app\'s user-assigned identity.')
param identityPrincipalId string

@description('Object ID of the person (or CI principal) running the deployment; empty grants nothing.')
param deployerPrincipalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param deployerPrincipalType string = 'User'

@description('Give the deployer data access to storage and read access to the secrets (local debugging, reading the webhook secret).')
param grantDeployerAccess bool = true

// Built-in role definition IDs (the same in every tenant).
var roles = {
  // Deployment package container, raw mail, attachments, Functions host leases.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // inbound-email, domain-events and note-mentions queues and their -poison queues (the queue trigger reads and deletes).
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Conversations, InboxIndex, ThreadKeys, Customers, Activity, Wakeups, Presence, ReadMarks, MentionsSent and the rest of StorageLayout.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Key Vault references of the app settings.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // Zip deployments of the public static site (Microsoft.Web/staticSites/zipdeploy); no narrower built-in role covers
  // it, so Contributor is scoped to that one static site.
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
  // Telemetry to an Application Insights with local authentication disabled.
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

var deployerGranted = grantDeployerAccess && !empty(deployerPrincipalId)

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource staticSite 'Microsoft.Web/staticSites@2024-04-01' existing = {
  name: staticSiteName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource identityStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storage.id, identityPrincipalId, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

resource identitySecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource identityStaticSite 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(staticSite.id, identityPrincipalId, roles.contributor)
  scope: staticSite
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.contributor)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource identityTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: if (deployerGranted) {
  name: guid(storage.id, deployerPrincipalId, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}]

resource deployerSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployerGranted) {
  name: guid(vault.id, deployerPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}
