#!/usr/bin/env bash
# CI setup for the cluster twin (npm run test:cluster-twin): etcd from Debian's etcd-server, then
# kube-apiserver/controller-manager/scheduler v1.23.17, kwok, istiod and istioctl built into the cache
# (test/cluster-twin/build.sh; cached by version, so a warm run takes seconds). Prints each piece's time.
# Root, or passwordless sudo (GitHub's runner), installs etcd-server and routes the pods' 10.244.0.0/16 to lo.
# Under CI=true a missing piece fails loudly; outside CI it is skipped with the reason (the suite then skips).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
ci="${CI:-}"

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"; elif sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi
}

skip_or_fail() {
  if [ "$ci" = "true" ]; then echo "cluster twin: $1" >&2; exit 1; fi
  echo "cluster twin: skipped, $1 (set CI=true to make this a failure)"
  exit 0
}

if ! command -v etcd >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && as_root true; then
    t0=$(date +%s)
    echo "cluster twin: installing etcd-server from Debian"
    as_root apt-get install -y -qq etcd-server >/dev/null || { as_root apt-get update -qq && as_root apt-get install -y -qq etcd-server >/dev/null; }
    echo "cluster twin: etcd-server installed in $(( $(date +%s) - t0 )) s"
  else
    skip_or_fail "no etcd on PATH (install Debian's etcd-server; needs root or passwordless sudo)"
  fi
fi
command -v go >/dev/null 2>&1 || skip_or_fail "Go is not installed (it builds Kubernetes, kwok and istiod from the Go module proxy)"
command -v ip >/dev/null 2>&1 || skip_or_fail "iproute2's ip is missing (pods' IPs are routed to lo with it)"
# The pods' IPs: 10.244.0.0/16 routed to lo as local. As root the twin adds it itself (and removes it at stop).
if [ "$(id -u)" != "0" ] && [ -z "$(ip route show table local 10.244.0.0/16)" ]; then
  as_root ip route add local 10.244.0.0/16 dev lo || skip_or_fail "cannot route 10.244.0.0/16 to lo for the pods' IPs (needs root or passwordless sudo)"
fi

test/cluster-twin/build.sh
echo "cluster twin ready in $(( $(date +%s) - started )) s"
