#!/usr/bin/env bash
# npm start: install what is missing, build, and open Chromium with the
# extension on a demo Jira workspace. Without a display (or with --headless)
# the demo walks the loop once and saves a screenshot of each surface.
set -eu
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npx wxt build
exec npx tsx scripts/demo.ts "$@"
