# Shared by run.sh and test.sh: checks and installs, each naming the fix when it fails.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31mError: %s\033[0m\n' "$*" >&2; exit 1; }

require_tools() {
  command -v dotnet >/dev/null || fail "The .NET 10 SDK is missing: install it (https://dot.net), then run this again."
  dotnet --list-sdks | grep -q '^10\.' || fail "The .NET 10 SDK is required; 'dotnet --list-sdks' shows none."
  command -v node >/dev/null || fail "Node.js 20 or newer is missing: apt-get install nodejs npm (or https://nodejs.org)."
  command -v npm >/dev/null || fail "npm is missing: apt-get install npm."
}

# npm ci only when package-lock.json changed since the last install.
npm_ci_if_needed() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "Installing npm packages in ${dir}…"
    npm ci --prefix "$dir" --no-audit --no-fund
  fi
}

install_node_packages() {
  npm_ci_if_needed .
  npm_ci_if_needed web
}

build_web() {
  say "Building the web app (web/dist)…"
  npm --prefix web run build --silent >/dev/null || { npm --prefix web run build; fail "The web build failed (above)."; }
}

# local.settings.json is git-ignored: made once from the sample, with fresh secrets.
ensure_local_settings() {
  if [ ! -f local.settings.json ]; then
    say "Creating local.settings.json from local.settings.sample.json with new secrets…"
    node -e '
      const fs = require("fs"), crypto = require("crypto");
      const settings = JSON.parse(fs.readFileSync("local.settings.sample.json", "utf8"));
      const token = (n) => crypto.randomBytes(n).toString("base64url");
      settings.Values["Inbound__WebhookSecret"] = token(24);
      settings.Values["Auth__BootstrapApiKey"] = token(32);
      settings.Values["Auth__SigningKey"] = crypto.randomBytes(32).toString("base64");
      fs.writeFileSync("local.settings.json", JSON.stringify(settings, null, 2) + "\n");'
  fi
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
