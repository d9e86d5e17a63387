// Which cluster states the twin generates config for: after every step with a proxy-config check, the
// state before it when the check must fail first, and the config-level extras (access logs, extra gateways).

import { INGRESS_GATEWAY } from "../state/baseline-state.js";
import type { ProxyRef } from "../state/twin-request.js";
import { proxyConfigEntries } from "./proxy-config-entries.js";

/** One lab after `stepNumber` steps (0: before its first) and the proxies whose config is kept. */
export interface GoldenState {
  labId: string;
  stepNumber: number;
  proxies: ProxyRef[];
}

/** States covered at config level although no proxy-config check reads them (see the twin suite). */
const CONFIG_LEVEL_EXTRAS: ReadonlyArray<{ labId: string; steps: number[]; proxies: ProxyRef[] }> = [
  // The Telemetry switching the gateway's access log back on (listeners' access_log), step by step.
  { labId: "ch4-access-logs", steps: [1, 2, 4], proxies: [INGRESS_GATEWAY] },
  // TLS passthrough by SNI (gateway listener filter chains), before and after the second host.
  { labId: "ch4-sni-passthrough", steps: [2, 3], proxies: [INGRESS_GATEWAY] },
  // The gateway's TLS servers (SIMPLE, MUTUAL, two hosts on one port), the HTTPS redirect and TCP, for the Envoy twin.
  { labId: "ch4-tls", steps: [2], proxies: [INGRESS_GATEWAY] },
  { labId: "ch4-https-redirect", steps: [2], proxies: [INGRESS_GATEWAY] },
  { labId: "ch4-mtls", steps: [3], proxies: [INGRESS_GATEWAY] },
  { labId: "ch4-multi-host-tls", steps: [2], proxies: [INGRESS_GATEWAY] },
  { labId: "ch4-tcp", steps: [2], proxies: [INGRESS_GATEWAY] },
  // The EnvoyFilter adding a Lua filter to catalog's sidecar.
  { labId: "extra-envoyfilter-lua", steps: [2], proxies: [{ namespace: "istioinaction", deployment: "catalog" }] },
  // The extra gateways these labs install, as istiod configures them.
  { labId: "ch4-split-gateway", steps: [3], proxies: [{ namespace: "istioinaction", deployment: "my-user-gateway" }] },
  { labId: "ch4-gateway-injection", steps: [3], proxies: [{ namespace: "istioinaction", deployment: "my-user-gateway-injected" }] },
];

function addState(states: Map<string, GoldenState>, labId: string, stepNumber: number, proxies: ProxyRef[]): void {
  const key = `${labId}/${stepNumber}`;
  const state = states.get(key) ?? { labId, stepNumber, proxies: [{ ...INGRESS_GATEWAY }] };
  for (const proxy of proxies) {
    if (!state.proxies.some((known) => known.namespace === proxy.namespace && known.deployment === proxy.deployment)) state.proxies.push(proxy);
  }
  states.set(key, state);
}

// Every state to generate, each with the ingress gateway and every workload the lab's checks inspect.
export function goldenStates(): GoldenState[] {
  const states = new Map<string, GoldenState>();
  const entries = proxyConfigEntries();
  for (const entry of entries) {
    const inspected = entries.filter((other) => other.lab.id === entry.lab.id).map((other) => other.proxy);
    addState(states, entry.lab.id, entry.stepNumber, inspected);
    if (entry.mustFailFirst) addState(states, entry.lab.id, entry.stepNumber - 1, inspected);
  }
  for (const extra of CONFIG_LEVEL_EXTRAS) for (const step of extra.steps) addState(states, extra.labId, step, extra.proxies);
  return [...states.values()].sort((a, b) => a.labId.localeCompare(b.labId) || a.stepNumber - b.stepNumber);
}
