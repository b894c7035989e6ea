#!/usr/bin/env bash
# Runs every check and test suite, then prints one closing line: "N passed, N failed".
# Static checks (types, lint, build) count as one test each; unit/integration tests come from
# Vitest, end-to-end tests from Playwright in Debian's Chromium.
set -u
cd "$(dirname "$0")/.."
export NO_COLOR=1 FORCE_COLOR=0
results=test-results
rm -rf "$results" && mkdir -p "$results"

check() { # name, command...
  local name=$1; shift
  echo "== $name"
  if "$@" >"$results/$name.log" 2>&1; then echo "ok"; echo "$name passed" >>"$results/checks.txt"
  else tail -n 40 "$results/$name.log"; echo "$name failed" >>"$results/checks.txt"; fi
}

check typecheck npm run --silent typecheck
check lint npm run --silent lint
check build npm run --silent build

echo "== unit and integration (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"

echo "== end to end (playwright, chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" npx playwright test --reporter=list,json

node scripts/summarize-tests.mjs "$results"
