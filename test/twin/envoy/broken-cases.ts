// Deliberately broken copies of labs' own manifests (one value mistyped), whose istiod-generated config is kept
// under golden-broken/<id>/<step>/: each must make the lab's own traffic check fail, with its own message.

import type { ProxyName } from "./world/golden-config.js";

/** One mistake: in `file`, every value equal to `from` becomes `to` (as test/twin/mutate/replace-values.ts applies it). */
export interface BrokenValue {
  file: string;
  from: string | number;
  to: string | number;
}

export interface BrokenCase {
  id: string;
  labId: string;
  /** The state (steps applied) the mistake first shows in; later states are not generated. */
  stepNumber: number;
  proxies: ProxyName[];
  mutations: BrokenValue[];
  /** `<lab> › step <n> › <title>`: the check that must fail after its step. */
  check: string;
  /** What its own failure says. */
  message: RegExp;
}

const GATEWAY: ProxyName = { namespace: "istio-system", deployment: "istio-ingressgateway" };
const WEBAPP: ProxyName = { namespace: "istioinaction", deployment: "webapp" };

export const BROKEN_CASES: readonly BrokenCase[] = [
  {
    id: "ch5-routing-header-value",
    labId: "ch5-routing",
    stepNumber: 4,
    proxies: [GATEWAY],
    mutations: [{ file: "labs/ch5-routing/catalog-vs-v2-request.yaml", from: "internal", to: "Internal" }],
    check: "ch5-routing › step 4 › with the header every response is v2",
    message: /^10 of 10 responses broke the claim \(one sample, taken after the gate\); first: request 1: HTTP 200; body: \[\{"id":1,.*expected body to contain "imageUrl"/s,
  },
  {
    id: "ch5-traffic-shifting-weights",
    labId: "ch5-traffic-shifting",
    stepNumber: 3,
    proxies: [GATEWAY, WEBAPP],
    mutations: [
      { file: "labs/ch5-traffic-shifting/catalog-vs-90-10-mesh.yaml", from: 90, to: 50 },
      { file: "labs/ch5-traffic-shifting/catalog-vs-90-10-mesh.yaml", from: 10, to: 50 },
    ],
    check: "ch5-traffic-shifting › step 3 › about 10% of responses are v2",
    message: /^\d+ of 3914 responses were v2 \(\d+\.\d+%\), outside the accepted band 265\.\.483 for an expected 10%/,
  },
  {
    id: "ch4-sni-passthrough-sni-host",
    labId: "ch4-sni-passthrough",
    stepNumber: 2,
    proxies: [GATEWAY],
    mutations: [{ file: "labs/ch4-sni-passthrough/passthrough-sni-vs-1.yaml", from: "simple-sni-1.istioinaction.io", to: "simple-sni-one.istioinaction.io" }],
    check: "ch4-sni-passthrough › step 2 › SNI simple-sni-1.istioinaction.io reaches simple-tls-service-1 and sees its own certificate",
    // No VirtualService matches the gateway's SNI server any more: istiod generates no listener on 31400.
    message: /^the request failed: connection refused/,
  },
];
