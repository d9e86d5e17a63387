#!/usr/bin/env bash
# CI setup for the istiod twin (npm run test:twin): builds test/twin/istiod into the cache, idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
test/twin/istiod/build.sh
echo "istiod twin ready in $(( $(date +%s) - started )) s"
