#!/usr/bin/env bash
# CI setup for the cluster twin (npm run test:cluster-twin): etcd from Debian's etcd-server, then
# kube-apiserver/controller-manager/scheduler v1.23.17, kwok, istiod and istioctl built into the cache
# (test/cluster-twin/build.sh; cached by version, so a warm run takes seconds). Prints each piece's time.
# Under CI=true a missing piece fails loudly; outside CI it is skipped with the reason (the suite then skips).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
ci="${CI:-}"

skip_or_fail() {
  if [ "$ci" = "true" ]; then echo "cluster twin: $1" >&2; exit 1; fi
  echo "cluster twin: skipped, $1 (set CI=true to make this a failure)"
  exit 0
}

if ! command -v etcd >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    t0=$(date +%s)
    echo "cluster twin: installing etcd-server from Debian"
    apt-get install -y -qq etcd-server >/dev/null || { apt-get update -qq && apt-get install -y -qq etcd-server >/dev/null; }
    echo "cluster twin: etcd-server installed in $(( $(date +%s) - t0 )) s"
  else
    skip_or_fail "no etcd on PATH (install Debian's etcd-server as root)"
  fi
fi
command -v go >/dev/null 2>&1 || skip_or_fail "Go is not installed (it builds Kubernetes, kwok and istiod from the Go module proxy)"
command -v ip >/dev/null 2>&1 || skip_or_fail "iproute2's ip is missing (pods' IPs are routed to lo with it)"
[ "$(id -u)" = "0" ] || skip_or_fail "not root: routing 10.244.0.0/16 to lo for the pods' IPs needs CAP_NET_ADMIN"

test/cluster-twin/build.sh
echo "cluster twin ready in $(( $(date +%s) - started )) s"
