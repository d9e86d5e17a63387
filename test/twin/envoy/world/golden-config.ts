// The istiod twin's generated config (branch twin-go): test/twin/golden/<lab>/<steps applied>/<deployment>.<namespace>.<routes|clusters|listeners>.json.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ProxyConfigDump } from "../convert/build-bootstrap.js";
import { listOf } from "../convert/json-shapes.js";

/** A proxy by its Deployment, as the golden files name it. */
export interface ProxyName {
  namespace: string;
  deployment: string;
}

export const INGRESS_GATEWAY: ProxyName = { namespace: "istio-system", deployment: "istio-ingressgateway" };

/** The istiod twin's own goldens (its plan: the proxy-config checks' states), then the traffic suite's extra states. */
export function goldenRoots(projectRoot: string): string[] {
  return [join(projectRoot, "test", "twin", "golden"), join(projectRoot, "test", "twin", "envoy", "golden")];
}

// The folder of one lab state under a golden root.
export function goldenDir(root: string, labId: string, stepNumber: number): string {
  return join(root, labId, String(stepNumber));
}

// The proxy's three printed configs in one state folder, or undefined when they are not all there.
export function readProxyDump(stateDir: string, proxy: ProxyName): ProxyConfigDump | undefined {
  const base = join(stateDir, `${proxy.deployment}.${proxy.namespace}`);
  const paths = { listeners: `${base}.listeners.json`, routes: `${base}.routes.json`, clusters: `${base}.clusters.json` };
  if (!Object.values(paths).every((path) => existsSync(path))) return undefined;
  const read = (path: string) => listOf(JSON.parse(readFileSync(path, "utf8")));
  return { listeners: read(paths.listeners), routes: read(paths.routes), clusters: read(paths.clusters) };
}

// The proxy's three printed configs from the first root holding them, or undefined when none does.
export function readGoldenProxy(projectRoot: string, labId: string, stepNumber: number, proxy: ProxyName): ProxyConfigDump | undefined {
  for (const root of goldenRoots(projectRoot)) {
    const dump = readProxyDump(goldenDir(root, labId, stepNumber), proxy);
    if (dump !== undefined) return dump;
  }
  return undefined;
}
