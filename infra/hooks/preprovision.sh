#!/bin/sh
# azd preprovision hook: checks the mailbox setting and makes Switchboard's secrets once per azd environment.
# azd passes the environment's values in as variables; `azd env set` keeps new ones in .azure/<env>/.env,
# so later provisions reuse them (a new webhook secret would break the SendGrid URL).
set -eu

if [ -z "${SWITCHBOARD_MAILBOXES:-}" ]; then
  echo "Set the support address(es) first, e.g.: azd env set SWITCHBOARD_MAILBOXES support@yourdomain.com" >&2
  exit 1
fi

command -v openssl >/dev/null 2>&1 || { echo "openssl is needed to make the secrets." >&2; exit 1; }

# Hex: the webhook secret travels in a query string, and both keys are typed into headers and forms.
if [ -z "${SWITCHBOARD_INBOUND_WEBHOOK_SECRET:-}" ]; then
  azd env set SWITCHBOARD_INBOUND_WEBHOOK_SECRET "$(openssl rand -hex 32)"
fi
if [ -z "${SWITCHBOARD_BOOTSTRAP_API_KEY:-}" ]; then
  azd env set SWITCHBOARD_BOOTSTRAP_API_KEY "$(openssl rand -hex 32)"
fi
if [ -z "${SWITCHBOARD_SIGNING_KEY:-}" ]; then
  azd env set SWITCHBOARD_SIGNING_KEY "$(openssl rand -base64 32)"
fi
