// The Switchboard Functions app on the Flex Consumption plan (FC1, Linux, pay per execution).
// Storage, Key Vault and Application Insights are reached with the user-assigned identity only.

param name string
param planName string
param location string
param tags object

@description('Resource ID of the user-assigned identity (identity.bicep).')
param identityId string

@description('Client ID of that identity: tells the Functions host and DefaultAzureCredential which identity to use.')
param identityClientId string

param storageAccountName string
param storageBlobEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string

@description('Memory of one instance in MB (Flex Consumption: 512, 2048 or 4096); GB-seconds are billed on it.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound of instances the plan scales out to (40 to 1000); also a bound on the bill.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Origins whose pages may call the app from a browser: the public static site\'s, for /api/public/* (contact form, feedback, search misses). Without credentials: no cookie session crosses origins.')
param corsAllowedOrigins array = []

@description('Settings specific to Switchboard (Mail__*, Inbound__*, Auth__*, SendGrid__*), merged over the platform ones.')
param appSettings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var platformSettings = {
  // Identity-based host storage (the same section Switchboard.Storage reads): no connection string, no key.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  // Application Insights has local (key) authentication disabled: send telemetry with an Entra token.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the resource to deploy the `api` service of azure.yaml to by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity; without it the platform tries a system identity there is none of.
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // Platform CORS covers the whole app, but without credentials a cross-origin page can only make calls that need
      // no session: the public endpoints. The agent API wants a session cookie and its CSRF header, or an API key.
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, platformSettings)
  }

  // Deployments go through Entra ID (azd, OneDeploy); no FTP or SCM user/password may publish.
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
