import type { LabDefinition, ObjectCheck, WorkloadRef } from "../../engine/lab-types.js";
import { applyLabFile, deployApp, deploymentAvailable } from "../shared/app-actions.js";
import { NS } from "../shared/traffic.js";

/** The host port kind maps to nodePort 30007 (the second gateway's port in the platform). */
const USER_GATEWAY_PORT = 30007;
const userGateway: WorkloadRef = { namespace: NS, deployment: "my-user-gateway" };
const tcpEcho: WorkloadRef = { namespace: NS, deployment: "tcp-echo-deployment" };
const LINE = "hello my-user-gateway!";

const USER_GATEWAY_DEPLOYMENT = { apiVersion: "apps/v1", kind: "Deployment", name: "my-user-gateway", namespace: NS };
const USER_GATEWAY_SERVICE = { apiVersion: "v1", kind: "Service", name: "my-user-gateway", namespace: NS };

// The main ingress gateway's Service still has its three NodePorts: the second install left it alone.
const mainGatewayKept: ObjectCheck = {
  kind: "object",
  title: "the main istio-ingressgateway still has nodePorts 30000, 30005, 30006",
  target: { apiVersion: "v1", kind: "Service", name: "istio-ingressgateway", namespace: "istio-system" },
  expect: { path: "$.spec.ports[*].nodePort", matcher: { op: "regex", value: "30000.*30005.*30006" } },
  mustFailFirst: false,
};

export const ch4SplitGateway: LabDefinition = {
  id: "ch4-split-gateway",
  chapter: 4,
  section: "4.5.1",
  title: "A second gateway for a team",
  proves: "A profile-empty IstioOperator installs my-user-gateway in istioinaction (label istio: my-user-gateway, 31400 on nodePort 30007) beside the main gateway, and a Gateway selecting it carries TCP to tcp-echo on :30007",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [userGateway, tcpEcho],
  steps: () => [
    {
      title: "Deploy tcp-echo",
      why: "The team's service behind its own gateway: it greets with a banner and echoes lines.",
      actions: deployApp("tcp-echo.yaml", tcpEcho),
      checks: [deploymentAvailable(tcpEcho)],
      mustFailFirst: true,
    },
    {
      title: "Install my-user-gateway with its own IstioOperator (profile empty)",
      why: "A team can run its own gateway: istioctl renders only the gateway, in istioinaction, and keeps the main install as it is.",
      actions: [
        { kind: "istioctl", args: ["install", "-y", "-n", NS, "-f", "labs/ch4-split-gateway/my-user-gateway.yaml"] },
        { kind: "rollout", workload: userGateway },
      ],
      checks: [
        {
          kind: "object",
          title: "Deployment my-user-gateway in istioinaction has an available replica",
          target: USER_GATEWAY_DEPLOYMENT,
          expect: { path: "$.status.availableReplicas", matcher: { op: "equals", value: "1" } },
        },
        {
          kind: "object",
          title: "its pods carry the label istio: my-user-gateway (what a Gateway selects)",
          target: USER_GATEWAY_DEPLOYMENT,
          expect: { path: "$.spec.template.metadata.labels.istio", matcher: { op: "equals", value: "my-user-gateway" } },
        },
        {
          kind: "object",
          title: "Service my-user-gateway maps 31400 to nodePort 30007",
          target: USER_GATEWAY_SERVICE,
          expect: { path: "$.spec.ports[*]", matcher: { op: "regex", value: '"port":31400[^}]*"nodePort":30007|"nodePort":30007[^}]*"port":31400' } },
        },
        mainGatewayKept,
      ],
      mustFailFirst: true,
    },
    {
      title: "Route TCP on my-user-gateway's port 31400 to tcp-echo",
      why: "A Gateway selecting istio: my-user-gateway opens 31400 on the team's gateway only; the VirtualService forwards it to tcp-echo.",
      actions: [applyLabFile("labs/ch4-split-gateway/my-user-gateway-tcp.yaml")],
      checks: [
        {
          kind: "tcp",
          title: `port ${USER_GATEWAY_PORT} greets with the tcp-echo banner and echoes a line`,
          request: { port: USER_GATEWAY_PORT, send: LINE },
          expect: { banner: [{ op: "contains", value: "Welcome, you are connected to node" }], echo: [{ op: "contains", value: LINE }] },
        },
      ],
      mustFailFirst: true,
    },
  ],
};
