#!/usr/bin/env bash
# Runs Switchboard on this machine: Azurite (local Azure Storage, data kept in .data/azurite), the web app, and the
# local host (API, queue pump, timers) on http://localhost:7071. Extra arguments go to the local host; --demo seeds a
# demo workspace once it is up (functions/Switchboard.LocalHost/Demo).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_tools
install_node_packages
build_web
ensure_local_settings

azurite_pid=""
if listening 10000 && listening 10001 && listening 10002; then
  say "Using the storage emulator already listening on ports 10000-10002."
else
  if listening 10000 || listening 10001 || listening 10002; then
    fail "Some of ports 10000-10002 are taken by something other than a complete Azurite. Stop it, or point AzureWebJobsStorage in local.settings.json elsewhere."
  fi
  mkdir -p .data/azurite
  say "Starting Azurite (data in .data/azurite, log in .data/azurite.log)…"
  node node_modules/azurite/dist/src/azurite.js --location .data/azurite --skipApiVersionCheck --disableTelemetry --loose \
    >.data/azurite.log 2>&1 &
  azurite_pid=$!
  trap '[ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    listening 10000 && listening 10001 && listening 10002 && break
    sleep 0.1
  done
  listening 10002 || fail "Azurite did not start; see .data/azurite.log."
fi

say "Starting the local host (Ctrl-C to stop)…"
dotnet run --project functions/Switchboard.LocalHost -- "$@"
