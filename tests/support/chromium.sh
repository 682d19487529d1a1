#!/usr/bin/env bash
# Starts Chromium ($PULLBACK_CHROMIUM) with every --disable-features switch merged into one:
# Chromium reads only the last one, and Playwright passes its own list before ours
# (tests/support/extension.ts), so without this one list would silently drop the other.
features=()
args=()
for arg in "$@"; do
  case "$arg" in
    --disable-features=*) features+=("${arg#--disable-features=}") ;;
    *) args+=("$arg") ;;
  esac
done
if [ ${#features[@]} -gt 0 ]; then
  args+=("--disable-features=$(IFS=,; echo "${features[*]}")")
fi
exec "${PULLBACK_CHROMIUM:?the Chromium to start}" "${args[@]}"
