// A gateway as `istioctl install` renders an IstioOperator's ingressGateways component: a Service with the
// component's ports and a Deployment whose istio-proxy container runs `proxy router`.

import type { KubeObject } from "../../../core/kube.js";

/** The parts of an ingressGateways component that shape what istiod generates. */
export interface GatewayComponent {
  name: string;
  namespace: string;
  /** Pod labels (what Gateway selectors match). */
  labels: Record<string, string>;
  ports: ReadonlyArray<{ name: string; port: number; targetPort: number; nodePort?: number; protocol?: string }>;
  serviceType?: string;
}

/** Labels istioctl gives the default ingress gateway (Istio's, not ours). */
export const INGRESS_GATEWAY_LABELS: Readonly<Record<string, string>> = { app: "istio-ingressgateway", istio: "ingressgateway" };

// The Service and Deployment of one gateway component.
export function gatewayObjects(component: GatewayComponent): KubeObject[] {
  const metadata = { name: component.name, namespace: component.namespace, labels: { ...component.labels } };
  const service: KubeObject = {
    apiVersion: "v1",
    kind: "Service",
    metadata,
    spec: {
      type: component.serviceType ?? "LoadBalancer",
      selector: { ...component.labels },
      ports: component.ports.map((port) => ({ protocol: "TCP", ...port })),
    },
  };
  const deployment: KubeObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata,
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...component.labels } },
      template: {
        metadata: { labels: { ...component.labels, "sidecar.istio.io/inject": "false" } },
        spec: { containers: [{ name: "istio-proxy", image: "docker.io/istio/proxyv2", args: ["proxy", "router"], ports: component.ports.map((port) => ({ containerPort: port.targetPort })) }] },
      },
    },
  };
  return [service, deployment];
}

// The gateway components an IstioOperator enables (`istioctl install -n <namespace> -f <file>`).
export function gatewayComponentsOf(operator: KubeObject, installNamespace: string): GatewayComponent[] {
  const spec = operator["spec"] as { components?: { ingressGateways?: unknown[] } } | undefined;
  const gateways = (spec?.components?.ingressGateways ?? []) as Array<{
    name: string;
    namespace?: string;
    enabled?: boolean;
    label?: Record<string, string>;
    k8s?: { service?: { type?: string; ports?: GatewayComponent["ports"] } };
  }>;
  return gateways
    .filter((gateway) => gateway.enabled === true)
    .map((gateway) => ({
      name: gateway.name,
      namespace: gateway.namespace ?? installNamespace,
      // istioctl keeps its app label and lets `label` override the rest.
      labels: { app: "istio-ingressgateway", ...(gateway.label ?? { istio: "ingressgateway" }) },
      ports: gateway.k8s?.service?.ports ?? [],
      ...(gateway.k8s?.service?.type === undefined ? {} : { serviceType: gateway.k8s.service.type }),
    }));
}
