// The twin's cluster states, built from the labs' own actions without Go: baseline from our IstioOperator,
// namespaces as kubectl places them, deletes, re-installs, extra gateways, synthesized pods and endpoints.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INGRESS_GATEWAY_PORTS } from "../../../cluster/istio/gateway-ports.js";
import type { KubeObject } from "../../../core/kube.js";
import { createCertStore } from "../../../engine/certs/cert-store.js";
import { resolveLab } from "../../../labs/lab-lookup.js";
import { createBaselineState, INGRESS_GATEWAY } from "./baseline-state.js";
import { replayLab } from "./replay-lab.js";
import { synthesizeServiceObjects } from "./service-endpoints.js";
import { hostAddress } from "./subnet-address.js";
import { buildTwinInvocation } from "./twin-request.js";
import { objectsOfKind, type TwinState } from "./twin-state.js";
import { synthesizePods } from "./workload-pods.js";

const ctx = { projectRoot: process.cwd(), certs: createCertStore(mkdtempSync(join(tmpdir(), "twin-state-certs-"))) };

const find = (state: TwinState, kind: string, name: string): KubeObject | undefined => objectsOfKind(state, kind).find((object) => object.metadata.name === name);

describe("the baseline", () => {
  it("has istio-ingressgateway's Service with every port our IstioOperator declares", () => {
    const service = find(createBaselineState(), "Service", "istio-ingressgateway");
    const ports = (service?.["spec"] as { type: string; ports: Array<{ port: number; targetPort: number; nodePort?: number }> });
    expect(ports.type).toBe("NodePort");
    expect(ports.ports.map((port) => [port.port, port.targetPort, port.nodePort])).toEqual(INGRESS_GATEWAY_PORTS.map((port) => [port.port, port.targetPort, port.nodePort]));
  });

  it("asks istiod for ALLOW_ANY and the /dev/stdout access log, with no extra environment", () => {
    const invocation = buildTwinInvocation(createBaselineState(), [INGRESS_GATEWAY]);
    expect(invocation.request.meshConfig).toMatch(/accessLogFile: \/dev\/stdout/);
    expect(invocation.request.meshConfig).toMatch(/mode: ALLOW_ANY/);
    expect(invocation.env).toEqual({});
    expect(invocation.request.proxies.map((proxy) => [proxy.name, proxy.type])).toEqual([["istio-ingressgateway.istio-system", "router"]]);
  });
});

describe("replaying a lab's actions", () => {
  it("places objects as kubectl -n would, keeping a file's own namespace", async () => {
    const state = await replayLab(resolveLab("ch4-debug-gateway-ref"), 2, ctx);
    expect(find(state, "Gateway", "query-gateway")?.metadata.namespace).toBe("istio-system");
    expect(find(state, "VirtualService", "ops-query-vs")?.metadata.namespace).toBe("istioinaction");
  });

  it("honours deletes (ch5-canary deletes the catalog Service before Flagger takes over)", async () => {
    expect(find(await replayLab(resolveLab("ch5-canary"), 1, ctx), "Service", "catalog")).toBeDefined();
    expect(find(await replayLab(resolveLab("ch5-canary"), 2, ctx), "Service", "catalog")).toBeUndefined();
  });

  it("re-installs with the mesh-config action's policy, environment and access log", async () => {
    const registryOnly = buildTwinInvocation(await replayLab(resolveLab("ch5-registry-only"), 3, ctx), []);
    expect(registryOnly.request.meshConfig).toMatch(/mode: REGISTRY_ONLY/);
    const trimmed = buildTwinInvocation(await replayLab(resolveLab("ch4-gateway-config-trim"), 2, ctx), []);
    expect(trimmed.env).toEqual({ PILOT_FILTER_GATEWAY_CLUSTER_CONFIG: "true" });
    const quiet = buildTwinInvocation(await replayLab(resolveLab("ch4-access-logs"), 2, ctx), []);
    expect(quiet.request.meshConfig).toMatch(/accessLogFile: ""/);
  });

  it("installs the extra gateway of an IstioOperator file (ch4-split-gateway)", async () => {
    const state = await replayLab(resolveLab("ch4-split-gateway"), 2, ctx);
    const service = find(state, "Service", "my-user-gateway");
    expect(service?.metadata.namespace).toBe("istioinaction");
    expect(service?.["spec"]).toMatchObject({ selector: { istio: "my-user-gateway" }, ports: [{ port: 31400, nodePort: 30007 }] });
    const proxies = buildTwinInvocation(state, [{ namespace: "istioinaction", deployment: "my-user-gateway" }]).request.proxies;
    expect(proxies.map((proxy) => proxy.type)).toEqual(["router"]);
  });
});

describe("what the controllers would have made", () => {
  it("gives injected pods Istio's labels, leaves istioctl's gateway without them, and makes the injected gateway a router", async () => {
    const state = await replayLab(resolveLab("ch4-gateway-injection"), 2, ctx);
    const pods = synthesizePods(state);
    const byDeployment = (name: string) => pods.find((pod) => pod.deployment === name);
    expect(byDeployment("catalog")).toMatchObject({ proxy: "sidecar", pod: { metadata: { labels: { "security.istio.io/tlsMode": "istio", app: "catalog" } } } });
    expect(byDeployment("istio-ingressgateway")?.proxy).toBe("router");
    expect(byDeployment("istio-ingressgateway")?.pod.metadata.labels?.["security.istio.io/tlsMode"]).toBeUndefined();
    expect(byDeployment("my-user-gateway-injected")?.proxy).toBe("router");
  });

  it("lists each Service's ready pods in an EndpointSlice on the target port", async () => {
    const state = await replayLab(resolveLab("ch5-mirror"), 1, ctx);
    const pods = synthesizePods(state);
    const slice = synthesizeServiceObjects(state, pods).find((object) => object.kind === "EndpointSlice" && object.metadata.name === "catalog-twin");
    const catalogIps = pods.filter((pod) => pod.pod.metadata.labels?.["app"] === "catalog").map((pod) => pod.ip);
    expect(catalogIps).toHaveLength(2);
    expect(slice?.["endpoints"]).toEqual(catalogIps.map((ip) => expect.objectContaining({ addresses: [ip] })));
    expect(slice?.["ports"]).toEqual([{ name: "http", port: 3000, protocol: "TCP" }]);
  });

  it("hands out addresses inside a CIDR", () => {
    expect(hostAddress("10.10.0.0/16", 300)).toBe("10.10.1.44");
    expect(() => hostAddress("10.200.1.0/24", 255)).toThrow(/does not fit/);
  });
});
