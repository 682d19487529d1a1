#!/usr/bin/env bash
# Installs what npm start / npm test need and a fresh machine lacks:
# node_modules from the lock file, and Debian's Chromium.
set -eu
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi
chromium_bin=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium_bin" ]; then
  echo "Installing Debian's chromium…"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
