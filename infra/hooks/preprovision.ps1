# azd preprovision hook (Windows): the same as preprovision.sh.
$ErrorActionPreference = 'Stop'

if (-not $env:SWITCHBOARD_MAILBOXES) {
  Write-Error 'Set the support address(es) first, e.g.: azd env set SWITCHBOARD_MAILBOXES support@yourdomain.com'
}

function New-RandomBytes([int] $count) {
  [System.Security.Cryptography.RandomNumberGenerator]::GetBytes($count)
}

if (-not $env:SWITCHBOARD_INBOUND_WEBHOOK_SECRET) {
  azd env set SWITCHBOARD_INBOUND_WEBHOOK_SECRET ([System.Convert]::ToHexString((New-RandomBytes 32)).ToLowerInvariant())
}
if (-not $env:SWITCHBOARD_BOOTSTRAP_API_KEY) {
  azd env set SWITCHBOARD_BOOTSTRAP_API_KEY ([System.Convert]::ToHexString((New-RandomBytes 32)).ToLowerInvariant())
}
if (-not $env:SWITCHBOARD_SIGNING_KEY) {
  azd env set SWITCHBOARD_SIGNING_KEY ([System.Convert]::ToBase64String((New-RandomBytes 32)))
}
