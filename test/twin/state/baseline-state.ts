// The cluster right after `npm run lab up`: our IstioOperator (ALLOW_ANY, default access log) with its
// istio-ingressgateway, the platform namespaces and Services. Nothing here retypes the operator's numbers.

import { renderIstioOperator, type IstioOperatorOptions } from "../../../cluster/istio/istio-operator.js";
import type { KubeObject } from "../../../core/kube.js";
import { gatewayObjects, INGRESS_GATEWAY_LABELS } from "./gateway-objects.js";
import { platformObjects } from "./platform-objects.js";
import type { TwinState } from "./twin-state.js";
import type { ProxyRef } from "./twin-request.js";

/** The default ingress gateway, as proxy-config checks name it (`deploy/istio-ingressgateway.istio-system`). */
export const INGRESS_GATEWAY: ProxyRef = { namespace: "istio-system", deployment: "istio-ingressgateway" };

/** The install `up` makes. */
export const BASELINE_OPERATOR: IstioOperatorOptions = { outboundTrafficPolicy: "ALLOW_ANY" };

// istio-ingressgateway's Service and Deployment as the operator rendered for `options` declares them.
export function ingressGatewayObjects(options: IstioOperatorOptions): KubeObject[] {
  const rendered = renderIstioOperator(options).spec.components.ingressGateways;
  return rendered.map((gateway) =>
    gatewayObjects({ name: gateway.name, namespace: "istio-system", labels: { ...INGRESS_GATEWAY_LABELS }, ports: gateway.k8s.service.ports, serviceType: gateway.k8s.service.type }),
  ).flat();
}

// The baseline state every lab starts from.
export function createBaselineState(): TwinState {
  return { objects: [...platformObjects(), ...ingressGatewayObjects(BASELINE_OPERATOR)], operator: BASELINE_OPERATOR };
}
