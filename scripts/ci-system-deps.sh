#!/usr/bin/env bash
# System packages the tests use that pip cannot provide. Safe to run twice; does nothing
# where the packages are already there or where we are not root.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "ci-system-deps: not root, not installing ${need[*]} (browser tests will be skipped)"
  exit 0
fi
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null) \
  || echo "ci-system-deps: could not install ${need[*]} (browser tests will be skipped)"
exit 0
