// Which lab states the traffic suite needs generated config for, and for which proxies: the state after each
// step with a traffic check, the state before it when the check must fail first; the gateway once a Gateway
// exists, webapp's sidecar once rules apply inside the mesh.

import type { Check, LabDefinition, Step } from "../../../../engine/lab-types.js";
import { INGRESS_GATEWAY, type ProxyName } from "./golden-config.js";
import { hasMeshRouting, WEBAPP } from "./mesh-routing.js";
import { objectsOfKind, replayObjects } from "./replay-objects.js";

export interface TrafficState {
  labId: string;
  stepNumber: number;
  proxies: ProxyName[];
}

const mustFailFirstOf = (step: Step, check: Check): boolean => check.mustFailFirst ?? step.mustFailFirst ?? false;

// The states of `lab` whose config the suite reads, with the proxies each needs (none: nothing to generate).
export async function trafficStates(projectRoot: string, lab: LabDefinition, judges: (check: Check) => boolean): Promise<TrafficState[]> {
  const wanted = new Set<number>();
  lab.steps({ fast: false }).forEach((step, index) => {
    const judged = step.checks.filter(judges);
    if (judged.length > 0) wanted.add(index + 1);
    if (judged.some((check) => mustFailFirstOf(step, check))) wanted.add(index);
  });
  const states: TrafficState[] = [];
  for (const stepNumber of [...wanted].sort((a, b) => a - b)) {
    const replayed = await replayObjects(projectRoot, lab, stepNumber);
    const proxies: ProxyName[] = [];
    if (objectsOfKind(replayed, "Gateway").length > 0) proxies.push(INGRESS_GATEWAY, ...replayed.extraGateways.map(({ namespace, deployment }) => ({ namespace, deployment })));
    const webappDeployed = objectsOfKind(replayed, "Deployment").some((deployment) => deployment.metadata.name === WEBAPP.deployment && deployment.metadata.namespace === WEBAPP.namespace);
    if (webappDeployed && hasMeshRouting(replayed)) proxies.push(WEBAPP);
    if (proxies.length > 0) states.push({ labId: lab.id, stepNumber, proxies });
  }
  return states;
}
