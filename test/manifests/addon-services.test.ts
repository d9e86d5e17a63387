import { describe, expect, it } from "vitest";
import { ADDON_SERVICES, addonService, addonServicePatch, addonUrl } from "../../addons/addon-services.js";
import { FLAGGER_CHART, FLAGGER_VALUES, flaggerSetArgs } from "../../addons/flagger-chart.js";
import { INGRESS_GATEWAY_PORTS } from "../../cluster/istio/gateway-ports.js";
import { HOST_PORT_MAPPINGS } from "../../cluster/kind/kind-config.js";
import { validateManifest } from "./helpers/validate-manifest.js";

// spec/labs.md "Platform": addon Service port -> NodePort.
const EXPECTED = [
  { addon: "prometheus", port: 9090, targetPort: 9090, nodePort: 30001 },
  { addon: "grafana", port: 3000, targetPort: 3000, nodePort: 30002 },
  { addon: "kiali", port: 20001, targetPort: 20001, nodePort: 30003 },
  { addon: "tracing", port: 80, targetPort: 16686, nodePort: 30004 },
];

describe("addon services", () => {
  it("expose the four addons on the platform's NodePorts", () => {
    expect(ADDON_SERVICES.map(({ addon, port, targetPort, nodePort }) => ({ addon, port, targetPort, nodePort }))).toEqual(EXPECTED);
  });

  it("every addon NodePort is mapped by kind and none collides with the gateway", () => {
    const gatewayNodePorts = INGRESS_GATEWAY_PORTS.map((p) => p.nodePort);
    for (const addon of ADDON_SERVICES) {
      expect(HOST_PORT_MAPPINGS.find((m) => m.containerPort === addon.nodePort)?.hostPort, addon.addon).toBe(addon.nodePort);
      expect(gatewayNodePorts).not.toContain(addon.nodePort);
    }
  });

  it.each(ADDON_SERVICES.map((a) => [a.addon, a] as const))("%s: the patch is a valid v1 Service numbering its UI port and every other port", (_name, addon) => {
    const patch = addonServicePatch(addon);
    expect(validateManifest(patch as unknown as Record<string, unknown>)).toEqual([]);
    expect(patch.metadata).toEqual({ name: addon.service, namespace: "istio-system" });
    expect(patch.spec.type).toBe("NodePort");
    expect(patch.spec.ports).toEqual([
      { name: addon.portName, port: addon.port, targetPort: addon.targetPort, nodePort: addon.nodePort, protocol: "TCP" },
      ...addon.otherPorts.map((other) => ({ ...other, protocol: "TCP" })),
    ]);
  });

  it("URLs point at 127.0.0.1 with the UI prefixes", () => {
    expect(addonUrl(addonService("prometheus"))).toBe("http://127.0.0.1:30001/");
    expect(addonUrl(addonService("grafana"))).toBe("http://127.0.0.1:30002/");
    expect(addonUrl(addonService("kiali"))).toBe("http://127.0.0.1:30003/kiali/");
    expect(addonUrl(addonService("tracing"))).toBe("http://127.0.0.1:30004/jaeger/");
    expect(addonUrl(addonService("prometheus"), addonService("prometheus").readyPath)).toBe("http://127.0.0.1:30001/-/ready");
  });
});

describe("flagger chart", () => {
  it("takes a version from the 1.29-1.35 range, verified against its chart repository's index", () => {
    const [major, minor] = FLAGGER_CHART.version.split(".").map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(29);
    expect(minor).toBeLessThanOrEqual(35);
    expect(FLAGGER_CHART.indexUrl).toBe("https://flagger.app/index.yaml");
    expect(FLAGGER_CHART.url).toBe(`https://flagger.app/flagger-${FLAGGER_CHART.version}.tgz`);
    expect(FLAGGER_CHART.namespace).toBe("istio-system");
  });

  it("values: istio mesh, the addon Prometheus, no CRD from the chart templates", () => {
    expect(FLAGGER_VALUES).toEqual({ meshProvider: "istio", metricsServer: "http://prometheus:9090", crd: { create: false } });
    expect(flaggerSetArgs()).toEqual([
      "--set", "meshProvider=istio",
      "--set", "metricsServer=http://prometheus:9090",
      "--set", "crd.create=false",
    ]);
  });
});
