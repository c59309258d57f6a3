#!/bin/sh
# Installs sdk-devnet's npm tools (solc, anvil) exactly as package-lock.json pins them.
# Skips the install when node_modules already matches the lockfile.
set -e
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "restake4j: building sdk-devnet needs Node.js 18+ with npm on PATH (solc and anvil come from npm); none found." >&2
  exit 1
fi
stamp=node_modules/.restake4j-lockfile
want=$(cksum < package-lock.json)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d node_modules/solc ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
