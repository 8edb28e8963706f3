#!/usr/bin/env bash
# Browser tests of the web postings (output/web/browser_test.go): installs
# Debian's chromium and axe-core (npm, into .cache/browser-tests, which git
# ignores), then runs them. Needs root for apt-get on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends chromium || { apt-get update && apt-get install -y --no-install-recommends chromium; }
fi
if ! command -v npm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends npm || { apt-get update && apt-get install -y --no-install-recommends npm; }
fi
dir=.cache/browser-tests
if [ ! -f "$dir/node_modules/axe-core/axe.min.js" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-save axe-core@4
fi
JDGEN_CHROMIUM="$(command -v chromium)" JDGEN_AXE="$PWD/$dir/node_modules/axe-core/axe.min.js" \
  go test -tags browser -count=1 ./output/web/...
