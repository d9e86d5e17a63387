// The kind cluster every lab runs on, from one typed source: name, node image, port mappings, subnets.

export const KIND_CLUSTER_NAME = "myk8s";
export const KIND_CONTEXT = `kind-${KIND_CLUSTER_NAME}`;
export const KIND_NODE_CONTAINER = `${KIND_CLUSTER_NAME}-control-plane`;
/** The kindest/node v1.23.17 image built for kind v0.22.0 (the last kind release with a 1.23 image). Digest sources
 * that agree: kind v0.22.0's release notes (image list), and independent projects' kind version tables (code index
 * files 1300166470, 18042721675, 29234733741). */
export const KIND_NODE_IMAGE =
  "kindest/node:v1.23.17@sha256:14d0a9a892b943866d7e6be119a06871291c517d279aedb816a4b4bc0ec0a5b3";
export const POD_SUBNET = "10.10.0.0/16";
export const SERVICE_SUBNET = "10.200.1.0/24";

export interface HostPortMapping {
  hostPort: number;
  containerPort: number;
  purpose: string;
}

// Host port = node port for every NodePort the labs reach from 127.0.0.1 (ingress, addons, second gateway).
export const HOST_PORT_MAPPINGS: readonly HostPortMapping[] = [
  { hostPort: 30000, containerPort: 30000, purpose: "ingress gateway HTTP (80)" },
  { hostPort: 30001, containerPort: 30001, purpose: "Prometheus (9090)" },
  { hostPort: 30002, containerPort: 30002, purpose: "Grafana (3000)" },
  { hostPort: 30003, containerPort: 30003, purpose: "Kiali (20001)" },
  { hostPort: 30004, containerPort: 30004, purpose: "Jaeger tracing UI (16686)" },
  { hostPort: 30005, containerPort: 30005, purpose: "ingress gateway HTTPS (443)" },
  { hostPort: 30006, containerPort: 30006, purpose: "ingress gateway TCP/TLS (31400)" },
  { hostPort: 30007, containerPort: 30007, purpose: "second gateway (my-user-gateway)" },
];

export interface KindConfig {
  kind: "Cluster";
  apiVersion: "kind.x-k8s.io/v1alpha4";
  name: string;
  networking: { podSubnet: string; serviceSubnet: string };
  /** One control-plane node: the labs need nothing more. */
  nodes: [
    {
      role: "control-plane";
      image: string;
      extraPortMappings: Array<{ containerPort: number; hostPort: number; protocol: "TCP" }>;
    },
  ];
}

// The kind config as an object (for tests and for comparing with a running cluster).
export function kindConfig(name: string = KIND_CLUSTER_NAME): KindConfig {
  return {
    kind: "Cluster",
    apiVersion: "kind.x-k8s.io/v1alpha4",
    name,
    networking: { podSubnet: POD_SUBNET, serviceSubnet: SERVICE_SUBNET },
    nodes: [
      {
        role: "control-plane",
        image: KIND_NODE_IMAGE,
        extraPortMappings: HOST_PORT_MAPPINGS.map((m) => ({ containerPort: m.containerPort, hostPort: m.hostPort, protocol: "TCP" })),
      },
    ],
  };
}

/** Extra settings of the rendered config. */
export interface KindConfigOptions {
  /** The kind cluster's name (the identity's kind name); myk8s by default. */
  name?: string;
  /** containerd config (TOML) appended as containerdConfigPatches: the registry mirrors (cluster/mirror). */
  containerdPatch?: string;
}

// The same config as YAML with each port's purpose as a comment (written by hand: no yaml import on this path).
export function renderKindConfigYaml(options: KindConfigOptions = {}): string {
  const config = kindConfig(options.name ?? KIND_CLUSTER_NAME);
  const [node] = config.nodes;
  const ports = HOST_PORT_MAPPINGS.map((m) => `  - containerPort: ${m.containerPort}\n    hostPort: ${m.hostPort}\n    protocol: TCP  # ${m.purpose}`);
  return [
    `kind: ${config.kind}`,
    `apiVersion: ${config.apiVersion}`,
    `name: ${config.name}`,
    `networking:`,
    `  podSubnet: "${config.networking.podSubnet}"`,
    `  serviceSubnet: "${config.networking.serviceSubnet}"`,
    `nodes:`,
    `- role: ${node.role}`,
    `  image: ${node.image}`,
    `  extraPortMappings:`,
    ...ports,
    ...(options.containerdPatch === undefined ? [] : ["containerdConfigPatches:", "- |-", ...options.containerdPatch.split("\n").map((line) => `  ${line}`)]),
    "",
  ].join("\n");
}
