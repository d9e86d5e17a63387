// Where the generated configs live: test/twin/golden/<lab>/<step>/<deployment>.<namespace>.<resource>.json.

import { join } from "node:path";

export type ProxyResource = "routes" | "clusters" | "listeners";

// The golden folder of the repository.
export function goldenRoot(projectRoot: string): string {
  return join(projectRoot, "test", "twin", "golden");
}

// The folder of one lab after `stepNumber` steps.
export function goldenStateDir(projectRoot: string, labId: string, stepNumber: number): string {
  return join(goldenRoot(projectRoot), labId, String(stepNumber));
}

// One proxy's printed config in a state folder.
export function goldenFile(stateDir: string, proxyName: string, resource: ProxyResource): string {
  return join(stateDir, `${proxyName}.${resource}.json`);
}

// The machine-readable summary of what the twin proved, per lab.
export function evidenceFile(projectRoot: string): string {
  return join(goldenRoot(projectRoot), "evidence.json");
}
