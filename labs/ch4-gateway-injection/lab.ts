import type { LabDefinition, WorkloadRef } from "../../engine/lab-types.js";
import { applyLabFile, deployApp, deploymentAvailable } from "../shared/app-actions.js";
import { FIRST_ITEM, NS, catalogV1 } from "../shared/traffic.js";

/** The injected gateway's Service uses nodePort 30007, which kind maps to the same host port. */
const INJECTED_GATEWAY_PORT = 30007;
const injectedGateway: WorkloadRef = { namespace: NS, deployment: "my-user-gateway-injected" };

export const ch4GatewayInjection: LabDefinition = {
  id: "ch4-gateway-injection",
  chapter: 4,
  section: "4.5.2",
  title: "Gateway injection",
  proves: "A Deployment whose only container is istio-proxy with image auto becomes a working gateway: the injector fills in proxyv2 from the gateway template, and a Gateway on it serves catalog on :30007",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [injectedGateway, catalogV1],
  steps: () => [
    {
      title: "Deploy catalog",
      why: "The service the injected gateway will expose.",
      actions: deployApp("catalog.yaml", catalogV1),
      checks: [deploymentAvailable(catalogV1)],
      mustFailFirst: true,
    },
    {
      title: "Deploy a gateway stub: istio-proxy with image auto and the gateway injection template",
      why: "sidecar.istio.io/inject and inject.istio.io/templates: gateway let the injector complete the Deployment, so a team needs no IstioOperator rights.",
      actions: [applyLabFile("labs/ch4-gateway-injection/my-user-gw-injection.yaml"), { kind: "rollout", workload: injectedGateway }],
      checks: [
        {
          kind: "object",
          title: "Deployment my-user-gateway-injected has an available replica (its pod is Ready)",
          target: { apiVersion: "apps/v1", kind: "Deployment", name: "my-user-gateway-injected", namespace: NS },
          expect: { path: "$.status.availableReplicas", matcher: { op: "equals", value: "1" } },
        },
        {
          kind: "exec",
          title: "the injected istio-proxy runs Istio's pilot-agent 1.17.8 (image auto was replaced by proxyv2)",
          workload: injectedGateway,
          container: "istio-proxy",
          command: ["pilot-agent", "version", "--short"],
          expect: [{ op: "contains", value: "1.17.8" }],
        },
        {
          kind: "exec",
          title: "its proxy reports ready on 15021",
          workload: injectedGateway,
          container: "istio-proxy",
          command: ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://localhost:15021/healthz/ready"],
          expect: [{ op: "equals", value: "200" }],
        },
      ],
      mustFailFirst: true,
    },
    {
      title: "Route port 80 of the injected gateway to catalog",
      why: "The injected pod is a gateway like any other: a Gateway selecting ingress: my-user-gateway-injected opens port 80 on it.",
      actions: [applyLabFile("labs/ch4-gateway-injection/injected-gateway-routes.yaml")],
      checks: [
        {
          kind: "http",
          title: `GET /items on :${INJECTED_GATEWAY_PORT} returns the catalog through the injected gateway`,
          request: { port: INJECTED_GATEWAY_PORT, path: "/items" },
          expect: { status: 200, body: [FIRST_ITEM] },
        },
      ],
      mustFailFirst: true,
    },
  ],
};
