import type { LabDefinition, WorkloadRef } from "../../engine/lab-types.js";
import { applyLabFile, deployApp, deploymentAvailable } from "../shared/app-actions.js";
import { NS, TLS_PORT } from "../shared/traffic.js";

/** The host port of the gateway's TCP port 31400. */
const TCP_PORT = TLS_PORT;
const tcpEcho: WorkloadRef = { namespace: NS, deployment: "tcp-echo-deployment" };
const LINE = "hello istio!";

export const ch4Tcp: LabDefinition = {
  id: "ch4-tcp",
  chapter: 4,
  section: "4.4.1",
  title: "Plain TCP through the gateway (tcp-echo)",
  proves: "A TCP Gateway on 31400 and a tcp route carry a raw connection to tcp-echo: its banner arrives and a sent line comes back",
  duration: "~1 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [tcpEcho],
  steps: () => [
    {
      title: "Deploy tcp-echo",
      why: "A server that speaks first (a banner) and echoes lines: nothing HTTP about it.",
      actions: deployApp("tcp-echo.yaml", tcpEcho),
      checks: [deploymentAvailable(tcpEcho)],
      mustFailFirst: true,
    },
    {
      title: "Expose tcp-echo on the gateway's TCP port 31400",
      why: "A TCP server on the Gateway plus a VirtualService tcp route forward the byte stream to tcp-echo-service:2701.",
      actions: [applyLabFile("labs/ch4-tcp/gateway-tcp.yaml"), applyLabFile("labs/ch4-tcp/echo-vs.yaml")],
      checks: [
        {
          kind: "tcp",
          title: "port 30006 greets with the tcp-echo banner and echoes a line",
          request: { port: TCP_PORT, send: LINE },
          expect: { banner: [{ op: "contains", value: "Welcome, you are connected to node" }], echo: [{ op: "contains", value: LINE }] },
        },
      ],
      mustFailFirst: true,
    },
  ],
};
