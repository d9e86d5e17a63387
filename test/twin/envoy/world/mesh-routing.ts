// Whether a state routes inside the mesh: then webapp's calls need its sidecar's generated routes; without any
// rule they reach catalog's endpoints in turn, as a sidecar without rules balances them.

import type { ProxyName } from "./golden-config.js";
import { objectsOfKind, type ReplayedState } from "./replay-objects.js";

export const WEBAPP: ProxyName = { namespace: "istioinaction", deployment: "webapp" };

// A DestinationRule, or a VirtualService bound to the mesh gateway (no gateways, or "mesh" among them).
export function hasMeshRouting(state: ReplayedState): boolean {
  if (objectsOfKind(state, "DestinationRule").length > 0) return true;
  return objectsOfKind(state, "VirtualService").some((service) => {
    const gateways = ((service["spec"] ?? {}) as { gateways?: string[] }).gateways;
    return gateways === undefined || gateways.length === 0 || gateways.includes("mesh");
  });
}
