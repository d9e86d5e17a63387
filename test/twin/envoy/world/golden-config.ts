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

// The golden folder of one lab state.
export function goldenDir(projectRoot: string, labId: string, stepNumber: number): string {
  return join(projectRoot, "test", "twin", "golden", labId, String(stepNumber));
}

// The proxy's three printed configs, or undefined when the twin did not generate this state for it.
export function readGoldenProxy(projectRoot: string, labId: string, stepNumber: number, proxy: ProxyName): ProxyConfigDump | undefined {
  const base = join(goldenDir(projectRoot, labId, stepNumber), `${proxy.deployment}.${proxy.namespace}`);
  const paths = { listeners: `${base}.listeners.json`, routes: `${base}.routes.json`, clusters: `${base}.clusters.json` };
  if (!Object.values(paths).every((path) => existsSync(path))) return undefined;
  const read = (path: string) => listOf(JSON.parse(readFileSync(path, "utf8")));
  return { listeners: read(paths.listeners), routes: read(paths.routes), clusters: read(paths.clusters) };
}
