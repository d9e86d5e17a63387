import { INGRESS_GATEWAY_PORTS } from "./gateway-ports.js";

/** Mesh-wide policy for traffic to hosts outside the service registry. */
export type OutboundTrafficPolicyMode = "ALLOW_ANY" | "REGISTRY_ONLY";

/** What varies between the IstioOperators the labs install. */
export interface IstioOperatorOptions {
  outboundTrafficPolicy: OutboundTrafficPolicyMode;
  /** Extra istiod environment (e.g. PILOT_FILTER_GATEWAY_CLUSTER_CONFIG for the config-trim lab). */
  pilotEnv?: Readonly<Record<string, string>>;
  /** Mesh-wide Envoy access log file; default "/dev/stdout" (the study environment's), "" turns it off. */
  accessLogFile?: string;
}

/** The mesh-wide access log file of the baseline install. */
export const DEFAULT_ACCESS_LOG_FILE = "/dev/stdout";

/** The IstioOperator object handed to `istioctl install -f`. */
export interface IstioOperatorObject {
  apiVersion: "install.istio.io/v1alpha1";
  kind: "IstioOperator";
  metadata: { namespace: "istio-system" };
  spec: {
    profile: "default";
    meshConfig: { accessLogFile: string; outboundTrafficPolicy: { mode: OutboundTrafficPolicyMode } };
    components: {
      pilot?: { k8s: { env: Array<{ name: string; value: string }> } };
      ingressGateways: Array<{
        name: "istio-ingressgateway";
        enabled: true;
        k8s: {
          service: {
            type: "NodePort";
            externalTrafficPolicy: "Local";
            ports: Array<{ name: string; port: number; targetPort: number; nodePort?: number; protocol: "TCP" }>;
          };
        };
      }>;
    };
  };
}

// The IstioOperator for every (re-)install; the gateway NodePorts live here so istioctl never resets them.
export function renderIstioOperator(options: IstioOperatorOptions): IstioOperatorObject {
  const ports = INGRESS_GATEWAY_PORTS.map((p) => ({
    name: p.name,
    port: p.port,
    targetPort: p.targetPort,
    nodePort: p.nodePort,
    protocol: "TCP" as const,
  }));
  const pilotEnv = Object.entries(options.pilotEnv ?? {}).map(([name, value]) => ({ name, value }));
  return {
    apiVersion: "install.istio.io/v1alpha1",
    kind: "IstioOperator",
    metadata: { namespace: "istio-system" },
    spec: {
      profile: "default",
      meshConfig: { accessLogFile: options.accessLogFile ?? DEFAULT_ACCESS_LOG_FILE, outboundTrafficPolicy: { mode: options.outboundTrafficPolicy } },
      components: {
        ...(pilotEnv.length > 0 ? { pilot: { k8s: { env: pilotEnv } } } : {}),
        ingressGateways: [
          {
            name: "istio-ingressgateway",
            enabled: true,
            k8s: { service: { type: "NodePort", externalTrafficPolicy: "Local", ports } },
          },
        ],
      },
    },
  };
}
