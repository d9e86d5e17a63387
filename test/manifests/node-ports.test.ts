import { describe, expect, it } from "vitest";
import { ADDON_SERVICES, addonServicePatch } from "../../addons/addon-services.js";
import { renderIstioOperator } from "../../cluster/istio/istio-operator.js";
import { HOST_PORT_MAPPINGS } from "../../cluster/kind/kind-config.js";

// Every Service port of a NodePort Service becomes a NodePort; an unnumbered one gets a random number from the whole
// 30000-32767 range on Kubernetes 1.23, sometimes one of the ports kind maps for the labs.
const LAB_PORTS = new Set(HOST_PORT_MAPPINGS.map((mapping) => mapping.containerPort));

// The ports of each addon Service in Istio 1.17.8's samples/addons (facts/install.md §2).
const ADDON_SERVICE_PORTS: Record<string, readonly string[]> = {
  prometheus: ["http"],
  grafana: ["service"],
  kiali: ["http", "http-metrics"],
  tracing: ["http-query", "grpc-query"],
};

const gatewayPorts = renderIstioOperator({ outboundTrafficPolicy: "ALLOW_ANY" }).spec.components.ingressGateways[0]?.k8s.service.ports ?? [];
const rendered = [
  ...gatewayPorts.map((port) => ({ service: "istio-ingressgateway", ...port })),
  ...ADDON_SERVICES.flatMap((addon) => addonServicePatch(addon).spec.ports.map((port) => ({ service: addon.service, ...port }))),
];

describe("the NodePorts the platform creates", () => {
  it("number every port: none is left for Kubernetes to pick", () => {
    expect(rendered.filter((port) => typeof port.nodePort !== "number")).toEqual([]);
    expect(rendered.length).toBe(4 + 6);
  });

  it.each(Object.entries(ADDON_SERVICE_PORTS))("cover every port of the %s Service", (addon, names) => {
    const service = ADDON_SERVICES.find((entry) => entry.addon === addon)?.service;
    expect(rendered.filter((port) => port.service === service).map((port) => port.name).sort()).toEqual([...names].sort());
  });

  it("use 30000-30007 only for the ports the labs reach, each once; the rest lie outside them, in range", () => {
    const numbers = rendered.map((port) => port.nodePort);
    expect(new Set(numbers).size).toBe(numbers.length);
    const reserved = rendered.filter((port) => port.nodePort !== undefined && LAB_PORTS.has(port.nodePort)).map((port) => `${port.service}/${port.name}`);
    expect(reserved.sort()).toEqual(["grafana/service", "istio-ingressgateway/http2", "istio-ingressgateway/https", "istio-ingressgateway/tcp", "kiali/http", "prometheus/http", "tracing/http-query"]);
    for (const number of numbers) {
      expect(number).toBeGreaterThanOrEqual(30000);
      expect(number).toBeLessThanOrEqual(32767);
    }
  });
});
