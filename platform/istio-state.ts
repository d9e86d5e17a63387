import type { Kube, KubeObject } from "../core/kube.js";
import { INGRESS_GATEWAY_PORTS } from "../cluster/istio/gateway-ports.js";
import { ISTIO_VERSION } from "../cluster/tools/tool-pins.js";
import { deploymentImageTag, isDeploymentReady } from "../cluster/install/deployment-state.js";
import { readMeshConfig } from "./mesh-config.js";
import { ISTIO_SYSTEM } from "./snapshot-kinds.js";

interface ServiceFields {
  spec?: { type?: string; externalTrafficPolicy?: string; ports?: Array<{ name?: string; port: number; targetPort?: number | string; nodePort?: number }> };
}

/** What is read about the installed Istio, for `up`, `reset` and `status`. */
export interface IstioState {
  istiodVersion: string | undefined;
  istiodReady: boolean;
  problems: string[];
}

// Everything that must hold for the Istio part of the baseline; problems is empty when it does. The cluster twin's
// istiod is expected at its own tag (cluster-twin.ts TWIN_ISTIOD_TAG).
export async function readIstioState(kube: Kube, expectedVersion: string = ISTIO_VERSION): Promise<IstioState> {
  const [istiod, gateway, service, mesh] = await Promise.all([
    kube.get({ apiVersion: "apps/v1", kind: "Deployment", name: "istiod", namespace: ISTIO_SYSTEM }),
    kube.get({ apiVersion: "apps/v1", kind: "Deployment", name: "istio-ingressgateway", namespace: ISTIO_SYSTEM }),
    kube.get({ apiVersion: "v1", kind: "Service", name: "istio-ingressgateway", namespace: ISTIO_SYSTEM }),
    readMeshConfig(kube),
  ]);
  const problems: string[] = [];
  const istiodVersion = istiod ? deploymentImageTag(istiod, "discovery") : undefined;
  const istiodReady = istiod !== undefined && isDeploymentReady(istiod);
  if (!istiod) problems.push("istiod is not installed");
  else {
    if (istiodVersion !== expectedVersion) problems.push(`istiod runs ${istiodVersion ?? "an unknown version"}, expected ${expectedVersion}`);
    if (!istiodReady) problems.push("istiod is not ready");
  }
  if (!gateway) problems.push("the istio-ingressgateway Deployment is missing");
  else if (!isDeploymentReady(gateway)) problems.push("istio-ingressgateway is not ready");
  problems.push(...ingressServiceProblems(service));
  if (!mesh) problems.push("mesh config (ConfigMap istio in istio-system) is missing");
  else if (mesh.outboundTrafficPolicy !== "ALLOW_ANY") problems.push(`mesh outboundTrafficPolicy is ${mesh.outboundTrafficPolicy}, baseline ALLOW_ANY`);
  return { istiodVersion, istiodReady, problems };
}

// The ingress Service: NodePort, externalTrafficPolicy Local, and every port of INGRESS_GATEWAY_PORTS as declared.
export function ingressServiceProblems(service: KubeObject | undefined): string[] {
  if (!service) return ["the istio-ingressgateway Service is missing"];
  const spec = (service as unknown as ServiceFields).spec ?? {};
  const problems: string[] = [];
  if (spec.type !== "NodePort") problems.push(`istio-ingressgateway Service type is ${spec.type ?? "unset"}, expected NodePort`);
  if (spec.externalTrafficPolicy !== "Local") problems.push(`istio-ingressgateway externalTrafficPolicy is ${spec.externalTrafficPolicy ?? "unset"}, expected Local`);
  for (const wanted of INGRESS_GATEWAY_PORTS) {
    const actual = spec.ports?.find((p) => p.port === wanted.port);
    const target = `${wanted.port}->${wanted.targetPort} nodePort ${wanted.nodePort}`;
    if (!actual) problems.push(`istio-ingressgateway has no port ${target}`);
    else if (Number(actual.targetPort) !== wanted.targetPort || actual.nodePort !== wanted.nodePort) {
      problems.push(`istio-ingressgateway port ${wanted.port} is ->${String(actual.targetPort)} nodePort ${actual.nodePort ?? "none"}, expected ${target}`);
    }
  }
  return problems;
}
