#!/usr/bin/env bash
# Runs every test: the web app's unit tests and both .NET projects (Switchboard.UnitTests: pure unit tests;
# Switchboard.Tests: Azurite integration, Chromium browser tests, the Functions app's metadata contract, Bicep). The .NET build includes the Functions app (the local host references it). Installs what is missing (npm packages, Debian's Chromium), builds the web app, and ends
# with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_tools
install_node_packages || fail "npm install failed (above)."
build_web

if [ ! -x /usr/bin/chromium ]; then
  say "Installing Chromium from Debian for the browser tests…"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
  [ -x /usr/bin/chromium ] || fail "Chromium is missing: run 'sudo apt-get install -y chromium', then this again."
fi

results=.artifacts/test-results
rm -rf "$results" && mkdir -p "$results"

say "Web unit tests…"
npm --prefix web test 2>&1 | tee "$results/web.txt"
web_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$results/web.txt" | tail -1)
web_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$results/web.txt" | tail -1)
web_skipped=$(sed -n 's/^# skipped \([0-9]*\)$/\1/p' "$results/web.txt" | tail -1)
[ -n "$web_passed" ] || { web_passed=0; web_failed=1; web_skipped=0; echo "The web unit tests did not run."; }

say "Benchmarks build…"
# Not run here (figures are for docs/benchmarks.md), but a benchmark that no longer compiles is a failure.
dotnet build bench/Switchboard.Benchmarks --nologo -v quiet || { echo "The benchmarks do not build: fix bench/Switchboard.Benchmarks."; exit 1; }

# One trx per project, so each count is read from its own file and a project that did not run counts as a failure.
run_dotnet_tests() {
  local project=$1 name=$2 trx="$results/$2.trx" counters
  say ".NET tests: $project…"
  dotnet test "$project" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    attr() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    net_passed=$((net_passed + $(attr passed)))
    net_failed=$((net_failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
    net_skipped=$((net_skipped + $(attr total) - $(attr executed)))
  else
    net_failed=$((net_failed + 1)); echo "The tests of $project did not run (build failed?)."
  fi
}
net_passed=0; net_failed=0; net_skipped=0
run_dotnet_tests tests/Switchboard.UnitTests unit
run_dotnet_tests tests/Switchboard.Tests integration

passed=$((web_passed + net_passed)); failed=$((web_failed + net_failed)); skipped=$((web_skipped + net_skipped))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
