// kwok runs `kubectl exec` commands on the host (its Exec "local" target) and resolves the command with its own
// PATH. A pod's view of the network is emulated by shims first on kwok's PATH: with TWIN_POD_IP set (the pod's
// Exec object sets it), curl and wget reach `localhost`/127.0.0.1 at the pod's IP (where its stand-in and its
// Envoy listen); without it they are the host's own curl.

import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const CURL = "/usr/bin/curl";
const CONNECT_TO = '${TWIN_POD_IP:+--connect-to localhost::$TWIN_POD_IP: --connect-to 127.0.0.1::$TWIN_POD_IP:}';

export function writeExecShims(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "curl"), `#!/bin/sh\nexec ${CURL} ${CONNECT_TO} "$@"\n`);
  // busybox wget as the labs call it (-q, -O- / -O FILE, -T SECONDS, URL) on top of curl.
  writeFileSync(join(dir, "wget"), `#!/bin/sh
out=-; url=
while [ $# -gt 0 ]; do
  case "$1" in
    -q) ;;
    -qO-|-O-) out=- ;;
    -qO|-O) shift; out="$1" ;;
    -T) shift ;;
    *) url="$1" ;;
  esac
  shift
done
if [ "$out" = "-" ]; then exec ${CURL} -sf ${CONNECT_TO} "$url"; fi
exec ${CURL} -sf ${CONNECT_TO} -o "$out" "$url"
`);
  chmodSync(join(dir, "curl"), 0o755);
  chmodSync(join(dir, "wget"), 0o755);
  return dir;
}
