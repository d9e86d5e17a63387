#!/usr/bin/env bash
# Builds the cluster twin's binaries into ${XDG_CACHE_HOME:-$HOME/.cache}/istio-lab-cluster-twin/bin, keyed by
# version: kube-apiserver, kube-controller-manager, kube-scheduler v1.23.17 (k8s/), kwok v0.8.0, istiod
# (pilot-discovery) and istioctl from the twin's istio.io/istio commit (istio/). Each piece is skipped when its
# stamp matches its inputs (go.mod, go.sum, this script). Module and build caches are the istiod twin's, so
# the shared modules build once. Prints each piece's time. Cold: ~40-60 min on 2 cores; warm: seconds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="${XDG_CACHE_HOME:-$HOME/.cache}"
cache="$root/istio-lab-cluster-twin"
K8S=v1.23.17 KWOK=v0.8.0 ISTIO=v0.0.0-20260827124520-eed52ebb66ad
if ! command -v go >/dev/null 2>&1; then echo "Go is not installed; the cluster twin builds Kubernetes, kwok and istiod from the Go module proxy" >&2; exit 3; fi
export GOMODCACHE="$root/istio-lab-twin/gomod" GOCACHE="$root/istio-lab-twin/gocache" GOFLAGS="-mod=readonly -buildvcs=false"
nice_go() { nice -n 10 go "$@"; }
stamp_of() { cat "$@" "$here/build.sh" | sha256sum | cut -c1-16; }
timed() { local name="$1"; shift; local t0; t0=$(date +%s); "$@"; echo "[cluster-twin build] $name: $(( $(date +%s) - t0 )) s" >&2; }
fresh() { [ -f "$1/.stamp" ] && [ "$(cat "$1/.stamp")" = "$2" ]; }

build_k8s() {
  local out="$cache/bin/k8s-$K8S" src="$cache/src/kubernetes-$K8S" stamp; stamp=$(stamp_of "$here/k8s/go.mod" "$here/k8s/go.sum")
  if fresh "$out" "$stamp"; then echo "[cluster-twin build] kubernetes $K8S: cached" >&2; return; fi
  mkdir -p "$out" "$cache/src"
  (cd "$here/k8s" && go mod download k8s.io/kubernetes && nice_go build -o "$out/openapi-gen" k8s.io/kube-openapi/cmd/openapi-gen)
  # The module zip lacks pkg/generated/openapi/zz_generated.openapi.go (made by `make`); go build -overlay may not
  # replace files in the module cache, so a writable copy of the module gets the generated file and a replace.
  rm -rf "$src" && cp -r "$GOMODCACHE/k8s.io/kubernetes@$K8S" "$src" && chmod -R u+w "$src"
  local dirs; dirs=$(cd "$GOMODCACHE/k8s.io" && grep -rl --include='*.go' '+k8s:openapi-gen=' api@v0.23.17 apimachinery@v0.23.17 apiextensions-apiserver@v0.23.17 \
      apiserver@v0.23.17 client-go@v0.23.17 cloud-provider@v0.23.17 controller-manager@v0.23.17 kube-aggregator@v0.23.17 kube-controller-manager@v0.23.17 \
      kubelet@v0.23.17 metrics@v0.23.17 "kubernetes@$K8S" | grep -v _test.go | xargs -n1 dirname | sort -u | grep -vE '/test|example|fixtures' \
      | sed -E 's#^([a-z-]+)@v[0-9.]+#k8s.io/\1#' | paste -sd, -)
  echo > "$cache/src/header.txt"
  (cd "$here/k8s" && "$out/openapi-gen" --input-dirs "$dirs" --output-package k8s.io/kubernetes/pkg/generated/openapi --output-file-base zz_generated.openapi \
      --go-header-file "$cache/src/header.txt" --output-base "$cache/src/openapi" --report-filename "$cache/src/openapi-report.txt")
  cp "$cache/src/openapi/k8s.io/kubernetes/pkg/generated/openapi/zz_generated.openapi.go" "$src/pkg/generated/openapi/"
  cp "$here/k8s/go.mod" "$cache/src/k8s.go.mod" && cp "$here/k8s/go.sum" "$cache/src/k8s.go.sum"
  (cd "$here/k8s" && go mod edit -modfile="$cache/src/k8s.go.mod" -replace "k8s.io/kubernetes=$src")
  for cmd in kube-apiserver kube-controller-manager kube-scheduler; do
    (cd "$here/k8s" && timed "$cmd" nice_go build -modfile="$cache/src/k8s.go.mod" -o "$out/$cmd" "k8s.io/kubernetes/cmd/$cmd")
  done
  echo "$stamp" > "$out/.stamp"
}

build_kwok() {
  local out="$cache/bin/kwok-$KWOK" stamp; stamp=$(stamp_of /dev/null)
  if fresh "$out" "$stamp"; then echo "[cluster-twin build] kwok $KWOK: cached" >&2; return; fi
  mkdir -p "$out/stages" "$out/crds"
  (cd "$cache" && GOFLAGS=-buildvcs=false GOBIN="$out" nice_go install "sigs.k8s.io/kwok/cmd/kwok@$KWOK")
  local mod="$GOMODCACHE/sigs.k8s.io/kwok@$KWOK/kustomize"
  cp "$mod"/stage/node/fast/node-initialize.yaml "$mod"/stage/pod/fast/pod-{ready,complete,delete}.yaml "$out/stages/"
  cp "$mod"/crd/bases/kwok.x-k8s.io_{execs,portforwards,logs}.yaml "$out/crds/"
  chmod -R u+w "$out"
  echo "$stamp" > "$out/.stamp"
}

build_istio() {
  local out="$cache/bin/istio-${ISTIO##*-}" stamp; stamp=$(stamp_of "$here/istio/go.mod" "$here/istio/go.sum")
  if fresh "$out" "$stamp"; then echo "[cluster-twin build] istio ${ISTIO##*-}: cached" >&2; return; fi
  mkdir -p "$out"
  (cd "$here/istio" && timed pilot-discovery nice_go build -o "$out/pilot-discovery" istio.io/istio/pilot/cmd/pilot-discovery \
    && timed istioctl nice_go build -o "$out/istioctl" istio.io/istio/istioctl/cmd/istioctl)
  cp "$GOMODCACHE/istio.io/istio@$ISTIO/manifests/charts/base/files/crd-all.gen.yaml" "$out/" && chmod u+w "$out/crd-all.gen.yaml"
  echo "$stamp" > "$out/.stamp"
}

timed "kwok $KWOK" build_kwok
timed "istio ${ISTIO##*-}" build_istio
timed "kubernetes $K8S" build_k8s
echo "$cache/bin"
