// Whether the cluster twin can run here: every binary built (test/cluster-twin/build.sh, .ci/setup-cluster-twin.sh)
// and Envoy installed, or the reason not. Under CI=true a missing piece fails the suite instead of skipping it.

import { accessSync, constants } from "node:fs";
import { missingTwinReason } from "../twin/envoy/harness/find-envoy.js";
import { hasLocalRoute } from "./run/local-route.js";
import { twinBinaries } from "./run/twin-paths.js";

export function missingClusterTwinReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const missing = Object.entries(twinBinaries(env)).filter(([, path]) => {
    try {
      accessSync(path, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) return `cluster twin binaries missing (${missing.map(([name, path]) => `${name}: ${path}`).join(", ")}); run .ci/setup-cluster-twin.sh`;
  if (process.getuid?.() !== 0 && !hasLocalRoute()) return "the pods' IPs need 10.244.0.0/16 routed to lo (ip route add local): run as root, or add the route first (.ci/setup-cluster-twin.sh does, with sudo)";
  return missingTwinReason(env);
}
