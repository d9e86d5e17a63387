// The cluster twin's pure pieces, in plain `npm test`: injection, kwok's pod stages, an Envoy's bootstrap.

import { describe, expect, it } from "vitest";
import { envoyBootstrap, proxyNodeId } from "./run/envoy-bootstrap.js";
import { injectionPatch } from "./run/injector.js";
import { STARTED_ANNOTATION, twinPodStages } from "./run/kwok-stages.js";

describe("the cluster twin's pieces", () => {
  it("injects one istio-proxy container, and nothing into a pod that has one", () => {
    const patch = injectionPatch({ spec: { containers: [{ name: "webapp" }] } }) as { path: string; value: { name?: string } }[];
    expect(patch.map((op) => op.path)).toEqual(["/spec/containers/-", "/metadata/annotations"]);
    expect(patch[0]?.value.name).toBe("istio-proxy");
    expect(injectionPatch({ spec: { containers: [{ name: "webapp" }, { name: "istio-proxy" }] } })).toEqual([]);
  });

  it("makes a pod Ready only once the runtime marked it started", () => {
    const [start, ready] = twinPodStages().split("\n---\n");
    expect(start).toContain("name: twin-pod-start");
    expect(start).not.toContain(STARTED_ANNOTATION);
    expect(start).toMatch(/type: Ready\n/);
    expect(start).toContain('status: "False"\n        type: Ready');
    expect(ready).toContain(`.metadata.annotations["${STARTED_ANNOTATION}"]`);
    expect(ready).toContain('status: "True"\n        type: Ready');
  });

  it("gives a sidecar clusters over ADS and its outbound port-80 route on loopback, a gateway listeners too", () => {
    const proxy = { type: "sidecar" as const, podName: "webapp-1-2", namespace: "istioinaction", podIp: "10.244.0.9", labels: { app: "webapp" }, serviceAccount: "default", workloadName: "webapp" };
    const sidecar = envoyBootstrap({ proxy, cert: { cert: "c", key: "k" }, root: "r", outboundPort: 4555 }) as { dynamic_resources: Record<string, unknown>; static_resources: { listeners: { name: string }[] } };
    expect(proxyNodeId(proxy)).toBe("sidecar~10.244.0.9~webapp-1-2.istioinaction~istioinaction.svc.cluster.local");
    expect(Object.keys(sidecar.dynamic_resources)).toEqual(["ads_config", "cds_config"]);
    expect(sidecar.static_resources.listeners.map((listener) => listener.name)).toEqual(["twin-readiness-15021", "twin-outbound-80"]);
    const gateway = envoyBootstrap({ proxy: { ...proxy, type: "router" }, cert: { cert: "c", key: "k" }, root: "r" }) as typeof sidecar;
    expect(Object.keys(gateway.dynamic_resources)).toEqual(["ads_config", "cds_config", "lds_config"]);
  });
});
