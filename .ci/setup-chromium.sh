#!/usr/bin/env bash
# CI helper: make Debian's Chromium available for the HTML report's browser tests (test/engine/report/*.browser.test.ts).
# Installs the `chromium` package when it is missing and we are root with apt-get; otherwise says why the
# browser tests will skip (outside CI) or fail (CI=true). Never downloads a browser any other way.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$chromium_path" ]; then
  echo "Chromium for the browser tests: $chromium_path ($("$chromium_path" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

why=""
if [ "$(id -u)" -ne 0 ]; then
  why="not running as root (no sudo here)"
elif ! command -v apt-get >/dev/null 2>&1; then
  why="apt-get is not available (not a Debian/Ubuntu system)"
elif [ "$chromium_path" != "/usr/bin/chromium" ]; then
  why="CHROMIUM_PATH=$chromium_path does not exist, and the package installs /usr/bin/chromium"
fi

if [ -z "$why" ]; then
  echo "Installing Debian's chromium for the browser tests (apt-get, noninteractive)"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq chromium >/dev/null; then
    echo "Chromium installed: $("$chromium_path" --version 2>/dev/null || echo "$chromium_path")"
    exit 0
  fi
  why="apt-get install chromium failed"
fi

if [ "${CI:-}" = "true" ]; then
  echo "Chromium is missing at $chromium_path and cannot be installed: $why. Under CI=true the browser tests will FAIL." >&2
else
  echo "Chromium is missing at $chromium_path and cannot be installed: $why. The browser tests will skip (install Debian's chromium or set CHROMIUM_PATH)." >&2
fi
exit 0
