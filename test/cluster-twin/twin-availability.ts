// Whether the cluster twin can run here: every binary built (test/cluster-twin/build.sh, .ci/setup-cluster-twin.sh)
// and Envoy installed, or the reason not. Under CI=true a missing piece fails the suite instead of skipping it.

import { accessSync, constants } from "node:fs";
import { missingTwinReason } from "../twin/envoy/harness/find-envoy.js";
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
  if (process.getuid?.() !== 0) return "the cluster twin routes 10.244.0.0/16 to lo for pod IPs (ip route add local): run it as root";
  return missingTwinReason(env);
}
