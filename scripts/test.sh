#!/usr/bin/env bash
# npm test: every suite, from a fresh machine. Installs what is missing; starts the type-check, ESLint,
# the format check and the unit tests while it builds for Chrome and Firefox; then runs the end-to-end tests in Debian's
# Chromium and, alongside them, web-ext lint and the end-to-end tests in Firefox ESR on the Firefox
# build (built once, here). Ends with one line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh || { echo "0 passed, 1 failed"; exit 1; }

results=.test-results
rm -rf "$results" && mkdir -p "$results"
step() { # step NAME COMMAND...: a step that is one check; records pass/fail.
  local name=$1; shift
  echo "== $name"
  if "$@"; then echo pass > "$results/step-$name"; else echo fail > "$results/step-$name"; fi
}

npx wxt prepare >/dev/null # WXT's generated types, which the type-check reads (a build leaves them as they are)
# Everything that does not need a build starts now: on a 2-core machine npm test's time is its CPU,
# and a core left idle while something else runs alone is time lost.
checks() {
  step typecheck npx tsc --noEmit
  step lint npx eslint .
  step format npx prettier --check .
  echo "== unit"
  npx vitest run --reporter=default --reporter=json --outputFile.json="$results/unit.json"
}
checks > "$results/checks.log" 2>&1 &
checks_pid=$!
# Both browser suites run the built extension: the two builds, side by side (separate outputs).
step build-chrome npx wxt build > "$results/build-chrome.log" 2>&1 &
chrome_build_pid=$!
step build-firefox npx wxt build -b firefox --mv3 > "$results/build-firefox.log" 2>&1
wait "$chrome_build_pid"
cat "$results/build-chrome.log" "$results/build-firefox.log"
# Then the Chromium e2e in front, and beside it web-ext lint and the Firefox suite. The browser
# suites spend much of their time waiting (on the product's own clock: the edit throttle, a pause
# ending, heartbeats), which the others fill. Each side's output is kept and shown after the
# Chromium suite's, in this order.
firefox_suite() {
  if [ "$(cat "$results/step-build-firefox")" = pass ]; then
    # AMO's linter: errors fail the step; the warnings left are explained in docs/decisions.md.
    step lint-firefox npx web-ext lint --source-dir .output/firefox-mv3 --no-input
    echo "== firefox"
    npx vitest run -c vitest.firefox.config.ts --reporter=default --reporter=json --outputFile.json="$results/firefox.json"
  else
    echo "firefox skipped: the Firefox build failed" > "$results/firefox-missing"
  fi
}
firefox_suite > "$results/firefox.log" 2>&1 &
firefox_pid=$!
if [ "$(cat "$results/step-build-chrome")" = pass ]; then
  echo "== e2e"
  npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$results/e2e.json"
else
  echo "e2e skipped: the Chrome build failed" > "$results/e2e-missing"
fi
wait "$checks_pid"
cat "$results/checks.log"
wait "$firefox_pid"
cat "$results/firefox.log"
node scripts/tally.mjs "$results"
