// Which lab states the traffic suite needs generated config for, and for which proxies: the world enters the
// state after every step (and before the first) of a lab with traffic checks; the gateway once a Gateway
// exists, webapp's sidecar once rules apply inside the mesh.

import type { Check, LabDefinition } from "../../../../engine/lab-types.js";
import { INGRESS_GATEWAY, type ProxyName } from "./golden-config.js";
import { hasMeshRouting, WEBAPP } from "./mesh-routing.js";
import { objectsOfKind, replayObjects } from "./replay-objects.js";

export interface TrafficState {
  labId: string;
  stepNumber: number;
  proxies: ProxyName[];
}

// The states of `lab` whose config the suite reads, with the proxies each needs (none: nothing to generate).
export async function trafficStates(projectRoot: string, lab: LabDefinition, judges: (check: Check) => boolean): Promise<TrafficState[]> {
  const steps = lab.steps({ fast: false });
  if (!steps.some((step) => step.checks.some(judges))) return [];
  const states: TrafficState[] = [];
  for (let stepNumber = 0; stepNumber <= steps.length; stepNumber += 1) {
    const replayed = await replayObjects(projectRoot, lab, stepNumber);
    const proxies: ProxyName[] = [];
    if (objectsOfKind(replayed, "Gateway").length > 0) proxies.push(INGRESS_GATEWAY, ...replayed.extraGateways.map(({ namespace, deployment }) => ({ namespace, deployment })));
    const webappDeployed = objectsOfKind(replayed, "Deployment").some((deployment) => deployment.metadata.name === WEBAPP.deployment && deployment.metadata.namespace === WEBAPP.namespace);
    if (webappDeployed && hasMeshRouting(replayed)) proxies.push(WEBAPP);
    if (proxies.length > 0) states.push({ labId: lab.id, stepNumber, proxies });
  }
  return states;
}
