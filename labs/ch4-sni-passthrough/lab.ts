import type { Action, Check, HttpRequestSpec, LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile, deployApp, deploymentAvailable } from "../shared/app-actions.js";
import { NS, TLS_PORT } from "../shared/traffic.js";

const host = (n: 1 | 2): string => `simple-sni-${n}.istioinaction.io`;
const service = (n: 1 | 2) => ({ namespace: NS, deployment: `simple-tls-service-${n}` });

// The service's own certificate, from a CA of its own, in the Secret its Deployment mounts.
function certificateFor(n: 1 | 2): Action {
  return { kind: "tls-secret", namespace: NS, name: host(n), caName: `simple-sni-${n}`, commonName: host(n) };
}

function sniRequest(n: 1 | 2): HttpRequestSpec {
  return { port: TLS_PORT, path: "/", host: host(n), tls: { serverName: host(n), caName: `simple-sni-${n}` } };
}

// HTTPS through the gateway's TLS port: the body and the certificate must both be service n's own.
function reachesService(n: 1 | 2, mustFailFirst?: boolean): Check {
  return {
    kind: "http",
    title: `SNI ${host(n)} reaches simple-tls-service-${n} and sees its own certificate`,
    request: sniRequest(n),
    expect: {
      status: 200,
      body: [{ op: "contains", value: `Hello from simple-tls-service-${n}!!!` }],
      certificate: { subjectAltName: { op: "contains", value: `DNS:${host(n)}` }, issuedByCa: `simple-sni-${n}` },
    },
    ...(mustFailFirst === undefined ? {} : { mustFailFirst }),
  };
}

export const ch4SniPassthrough: LabDefinition = {
  id: "ch4-sni-passthrough",
  chapter: 4,
  section: "4.4.2",
  title: "SNI passthrough: the backends terminate their own TLS",
  proves: "The gateway routes TLS by SNI without decrypting it: each name reaches its own service, which presents its own certificate",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [service(1), service(2)],
  steps: () => [
    {
      title: "Deploy simple-tls-service-1 and -2 with their own certificates",
      why: "Each service terminates TLS itself with a certificate the gateway never sees.",
      actions: [
        { kind: "delete", target: { apiVersion: "networking.istio.io/v1beta1", kind: "Gateway", name: "echo-tcp-gateway", namespace: NS } },
        certificateFor(1),
        certificateFor(2),
        ...deployApp("simple-tls-service-1.yaml", service(1)),
        ...deployApp("simple-tls-service-2.yaml", service(2)),
      ],
      checks: [deploymentAvailable(service(1)), deploymentAvailable(service(2))],
      mustFailFirst: true,
    },
    {
      title: "Pass TLS through on port 31400 by SNI to service 1",
      why: "PASSTHROUGH mode routes on the SNI of the ClientHello; the connection stays encrypted end to end.",
      actions: [applyLabFile("labs/ch4-sni-passthrough/passthrough-sni-gateway.yaml"), applyLabFile("labs/ch4-sni-passthrough/passthrough-sni-vs-1.yaml")],
      checks: [
        reachesService(1),
        {
          kind: "object",
          title: "both gateway servers pass TLS through (the gateway holds no key)",
          target: { apiVersion: "networking.istio.io/v1beta1", kind: "Gateway", name: "sni-passthrough-gateway", namespace: NS },
          expect: { path: "$.spec.servers[*].tls.mode", matcher: { op: "equals", value: '["PASSTHROUGH","PASSTHROUGH"]' } },
        },
      ],
      mustFailFirst: true,
    },
    {
      title: "Add the route for simple-sni-2",
      why: "A second tls match on sniHosts sends the other name to the other service over the same port.",
      actions: [applyLabFile("labs/ch4-sni-passthrough/passthrough-sni-vs-2.yaml")],
      checks: [reachesService(2), reachesService(1, false)],
      mustFailFirst: true,
    },
  ],
};
