import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderIstioOperator, type OutboundTrafficPolicyMode } from "../../cluster/istio/istio-operator.js";
import { renderIstioOperatorYaml } from "../../cluster/istio/istio-operator-yaml.js";
import { INGRESS_GATEWAY_PORTS, gatewayNodePort } from "../../cluster/istio/gateway-ports.js";
import { HOST_PORT_MAPPINGS } from "../../cluster/kind/kind-config.js";
import { validateManifest } from "./helpers/validate-manifest.js";

// The platform contract from spec/labs.md: these four ports, in this shape, for every install.
const EXPECTED_PORTS = [
  { name: "status-port", port: 15021, targetPort: 15021, nodePort: 32021, protocol: "TCP" },
  { name: "http2", port: 80, targetPort: 8080, nodePort: 30000, protocol: "TCP" },
  { name: "https", port: 443, targetPort: 8443, nodePort: 30005, protocol: "TCP" },
  { name: "tcp", port: 31400, targetPort: 31400, nodePort: 30006, protocol: "TCP" },
];

const MODES: OutboundTrafficPolicyMode[] = ["ALLOW_ANY", "REGISTRY_ONLY"];

describe("renderIstioOperator", () => {
  it.each(MODES)("%s: validates against the IstioOperator schema", (mode) => {
    expect(validateManifest(renderIstioOperator({ outboundTrafficPolicy: mode }) as unknown as Record<string, unknown>)).toEqual([]);
  });

  it.each(MODES)("%s: default profile, access log to stdout, the requested egress mode", (mode) => {
    const iop = renderIstioOperator({ outboundTrafficPolicy: mode });
    expect(iop.apiVersion).toBe("install.istio.io/v1alpha1");
    expect(iop.kind).toBe("IstioOperator");
    expect(iop.spec.profile).toBe("default");
    expect(iop.spec.meshConfig).toEqual({ accessLogFile: "/dev/stdout", outboundTrafficPolicy: { mode } });
  });

  it.each(MODES)("%s: the ingress gateway keeps NodePort, Local and the four ports", (mode) => {
    const gateways = renderIstioOperator({ outboundTrafficPolicy: mode }).spec.components.ingressGateways;
    expect(gateways).toHaveLength(1);
    const gateway = gateways[0]!;
    expect(gateway.name).toBe("istio-ingressgateway");
    expect(gateway.enabled).toBe(true);
    expect(gateway.k8s.service.type).toBe("NodePort");
    expect(gateway.k8s.service.externalTrafficPolicy).toBe("Local");
    expect(gateway.k8s.service.ports).toEqual(EXPECTED_PORTS);
  });

  it("the REGISTRY_ONLY re-install renders exactly the same gateway as the first install", () => {
    const first = renderIstioOperator({ outboundTrafficPolicy: "ALLOW_ANY" });
    const reinstall = renderIstioOperator({ outboundTrafficPolicy: "REGISTRY_ONLY" });
    expect(reinstall.spec.components).toEqual(first.spec.components);
    expect(reinstall.spec.meshConfig.outboundTrafficPolicy.mode).not.toBe(first.spec.meshConfig.outboundTrafficPolicy.mode);
  });

  it("adds istiod env only when asked", () => {
    expect(renderIstioOperator({ outboundTrafficPolicy: "ALLOW_ANY" }).spec.components.pilot).toBeUndefined();
    const trimmed = renderIstioOperator({ outboundTrafficPolicy: "ALLOW_ANY", pilotEnv: { PILOT_FILTER_GATEWAY_CLUSTER_CONFIG: "true" } });
    expect(trimmed.spec.components.pilot).toEqual({ k8s: { env: [{ name: "PILOT_FILTER_GATEWAY_CLUSTER_CONFIG", value: "true" }] } });
    expect(trimmed.spec.components.ingressGateways[0]!.k8s.service.ports).toEqual(EXPECTED_PORTS);
  });

  it.each(MODES)("%s: the YAML parses back to the same object", async (mode) => {
    const text = await renderIstioOperatorYaml({ outboundTrafficPolicy: mode });
    expect(parse(text)).toEqual(renderIstioOperator({ outboundTrafficPolicy: mode }));
    expect(text).toContain(`mode: ${mode}`);
  });
});

describe("gateway port table", () => {
  it("every NodePort in kind's range is mapped to the same host port; the status port is outside it", () => {
    expect(HOST_PORT_MAPPINGS.some((m) => m.containerPort === gatewayNodePort(15021))).toBe(false);
    for (const port of INGRESS_GATEWAY_PORTS.filter((p) => p.name !== "status-port")) {
      expect(HOST_PORT_MAPPINGS.find((m) => m.containerPort === port.nodePort)?.hostPort, port.name).toBe(port.nodePort);
    }
  });

  it("looks up NodePorts by Service port", () => {
    expect(gatewayNodePort(80)).toBe(30000);
    expect(gatewayNodePort(443)).toBe(30005);
    expect(gatewayNodePort(31400)).toBe(30006);
    expect(gatewayNodePort(15021)).toBe(32021);
    expect(gatewayNodePort(8080)).toBeUndefined();
  });
});
