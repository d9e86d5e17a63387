#!/usr/bin/env bash
# Builds the istiod twin into the cache (module and build caches there too): cold 10-40 min, warm seconds.
# Prints the binary's path on its last line.
set -euo pipefail
cd "$(dirname "$0")"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/istio-lab-twin"
if ! command -v go >/dev/null 2>&1; then
  echo "Go is not installed; the istiod twin needs the Go version in test/twin/istiod/go.mod" >&2
  exit 3
fi
# No VCS stamping: the worktree may not be a readable git checkout on CI.
export GOMODCACHE="$cache/gomod" GOCACHE="$cache/gocache" GOFLAGS="-mod=readonly -buildvcs=false"
mkdir -p "$cache/bin"
go build -o "$cache/bin/istiod-twin" . >&2
echo "$cache/bin/istiod-twin"
