#!/usr/bin/env bash
# Headless Chromium for the browser tests (tests/e2e): Debian's chromium and chromium-driver,
# never a browser downloaded by a test tool (`playwright install` is not used).
# Called by `make setup`; installs only when /usr/bin/chromium is missing and we are root with apt.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "install_browser: installing Debian's chromium and chromium-driver for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  # A failed install must not stop the setup (the demo needs no browser); the browser tests then
  # say Chromium is missing (and fail under CI=true).
  if apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; then
    /usr/bin/chromium --version
  else
    echo "install_browser: apt-get could not install chromium; tests/e2e will report it" >&2
  fi
else
  echo "install_browser: /usr/bin/chromium is missing and cannot be installed here (needs root and" \
       "apt-get). Install Debian's 'chromium' and 'chromium-driver' packages to run tests/e2e;" \
       "until then those tests are skipped (they fail in CI, where CI=true)." >&2
fi
