// What `istioctl install` would leave in istio-system, minus what the twin runs itself: the CRDs of the module's
// manifests/charts/base, the mesh config, the istiod and istio-ingressgateway Deployments (kwok runs their pods;
// the twin's processes play them) and Services (the gateway's NodePorts as the labs' IstioOperator declares).

import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import type { KubeObject } from "../../../core/kube.js";
import { INGRESS_GATEWAY_PORTS } from "../../../cluster/istio/gateway-ports.js";
import { DEFAULT_ACCESS_LOG_FILE } from "../../../cluster/istio/istio-operator.js";
import { ISTIO_COMMIT } from "./twin-paths.js";

export const ISTIO_SYSTEM = "istio-system";
export const GATEWAY_LABELS = { app: "istio-ingressgateway", istio: "ingressgateway" } as const;
export const GATEWAY_SERVICE_ACCOUNT = "istio-ingressgateway-service-account";
/** The image names say what really runs: the twin's istiod build and upstream Envoy. */
export const TWIN_ISTIOD_IMAGE = `istio-lab-twin/pilot-discovery:${ISTIO_COMMIT}`;
export const TWIN_PROXY_IMAGE = "istio-lab-twin/envoy:upstream";

export function readCrds(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((doc) => doc.toJS() as KubeObject | null)
    .filter((object): object is KubeObject => object !== null && object.kind === "CustomResourceDefinition");
}

// The baseline mesh config of the labs' IstioOperator (access log to stdout, ALLOW_ANY), without auto mTLS.
export function meshConfigYaml(): string {
  return [
    `accessLogFile: ${DEFAULT_ACCESS_LOG_FILE}`,
    "defaultConfig:",
    "  discoveryAddress: istiod.istio-system.svc:15012",
    "rootNamespace: istio-system",
    "trustDomain: cluster.local",
    // No pilot-agent: nothing serves the workload certificate (`default`, `ROOTCA` on sds-grpc) that auto mTLS
    // clusters wait for, and the stand-ins speak plain text anyway.
    "enableAutoMtls: false",
    "outboundTrafficPolicy:",
    "  mode: ALLOW_ANY",
    "",
  ].join("\n");
}

function deployment(name: string, labels: Record<string, string>, container: Record<string, unknown>, serviceAccount: string): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ISTIO_SYSTEM, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels: { ...labels, "sidecar.istio.io/inject": "false" } }, spec: { serviceAccountName: serviceAccount, containers: [container] } },
    },
  };
}

export function istioSystemObjects(): KubeObject[] {
  const istiodLabels = { app: "istiod", istio: "pilot" };
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "istiod", namespace: ISTIO_SYSTEM } },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: GATEWAY_SERVICE_ACCOUNT, namespace: ISTIO_SYSTEM } },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "istio", namespace: ISTIO_SYSTEM }, data: { mesh: meshConfigYaml(), meshNetworks: "networks: {}\n" } },
    deployment("istiod", istiodLabels, { name: "discovery", image: TWIN_ISTIOD_IMAGE, ports: [{ containerPort: 15010 }, { containerPort: 15012 }, { containerPort: 15014 }] }, "istiod"),
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "istiod", namespace: ISTIO_SYSTEM, labels: istiodLabels },
      spec: { selector: istiodLabels, ports: [15010, 15012, 15014].map((port) => ({ name: `tcp-${port}`, port, targetPort: port })) },
    },
    deployment("istio-ingressgateway", GATEWAY_LABELS, {
      name: "istio-proxy",
      image: TWIN_PROXY_IMAGE,
      ports: INGRESS_GATEWAY_PORTS.map((p) => ({ containerPort: p.targetPort, protocol: "TCP" })),
    }, GATEWAY_SERVICE_ACCOUNT),
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "istio-ingressgateway", namespace: ISTIO_SYSTEM, labels: GATEWAY_LABELS },
      spec: {
        type: "NodePort",
        externalTrafficPolicy: "Local",
        selector: GATEWAY_LABELS,
        ports: INGRESS_GATEWAY_PORTS.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort, protocol: "TCP", ...(p.nodePort === undefined ? {} : { nodePort: p.nodePort }) })),
      },
    },
  ];
}
