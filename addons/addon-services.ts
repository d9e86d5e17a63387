// The Istio 1.17.8 samples/addons Services we expose as NodePorts, with the patches and URLs for each.

/** One addon Service from samples/addons (all live in istio-system). */
export interface AddonService {
  addon: "prometheus" | "grafana" | "kiali" | "tracing";
  /** Service name in istio-system. */
  service: string;
  /** Deployment name in istio-system (Jaeger's is jaeger, its Service tracing). */
  deployment: string;
  /** The Service port's name in the addon YAML (kept so the patch merges into that port). */
  portName: string;
  port: number;
  targetPort: number;
  nodePort: number;
  /** Path of the UI under the NodePort (Kiali and Jaeger serve under a prefix). */
  uiPath: string;
  /** Path that answers 200 once the addon is ready. */
  readyPath: string;
  /** The Service's other ports: a NodePort Service exposes every port, so each gets a fixed number outside
   * 30000-30007 (Kubernetes would otherwise pick one at random, possibly a port the labs need). */
  otherPorts: readonly { name: string; port: number; targetPort: number; nodePort: number }[];
}

// Where samples/addons installs every addon.
export const ADDON_NAMESPACE = "istio-system";

// The four addons with the NodePorts spec/labs.md fixes (kind maps each to the same host port).
export const ADDON_SERVICES: readonly AddonService[] = [
  { addon: "prometheus", service: "prometheus", deployment: "prometheus", portName: "http", port: 9090, targetPort: 9090, nodePort: 30001, uiPath: "/", readyPath: "/-/ready", otherPorts: [] },
  { addon: "grafana", service: "grafana", deployment: "grafana", portName: "service", port: 3000, targetPort: 3000, nodePort: 30002, uiPath: "/", readyPath: "/api/health", otherPorts: [] },
  { addon: "kiali", service: "kiali", deployment: "kiali", portName: "http", port: 20001, targetPort: 20001, nodePort: 30003, uiPath: "/kiali/", readyPath: "/kiali/",
    otherPorts: [{ name: "http-metrics", port: 9090, targetPort: 9090, nodePort: 32090 }] },
  { addon: "tracing", service: "tracing", deployment: "jaeger", portName: "http-query", port: 80, targetPort: 16686, nodePort: 30004, uiPath: "/jaeger/", readyPath: "/jaeger/",
    otherPorts: [{ name: "grpc-query", port: 16685, targetPort: 16685, nodePort: 32685 }] },
];

/** The patch that turns an addon Service into a NodePort on the fixed port. */
export interface AddonServicePatch {
  apiVersion: "v1";
  kind: "Service";
  metadata: { name: string; namespace: string };
  spec: {
    type: "NodePort";
    ports: Array<{ name: string; port: number; targetPort: number; nodePort: number; protocol: "TCP" }>;
  };
}

// SSA object / strategic-merge body (ports merge by key, other ports stay; a JSON merge patch would drop them).
export function addonServicePatch(addon: AddonService): AddonServicePatch {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: addon.service, namespace: ADDON_NAMESPACE },
    spec: {
      type: "NodePort",
      ports: [
        { name: addon.portName, port: addon.port, targetPort: addon.targetPort, nodePort: addon.nodePort, protocol: "TCP" },
        ...addon.otherPorts.map((other) => ({ ...other, protocol: "TCP" as const })),
      ],
    },
  };
}

// The URL of an addon's UI on the host, through kind's port mapping.
export function addonUrl(addon: AddonService, path: string = addon.uiPath): string {
  return `http://127.0.0.1:${addon.nodePort}${path}`;
}

// The addon entry by name (throws on a name not in the table: a programming error).
export function addonService(name: AddonService["addon"]): AddonService {
  const found = ADDON_SERVICES.find((a) => a.addon === name);
  if (!found) throw new Error(`unknown addon ${name}`);
  return found;
}
