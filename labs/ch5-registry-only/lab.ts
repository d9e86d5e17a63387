import type { Check, LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile, deployApp } from "../shared/app-actions.js";
import { webappAndCatalogStep } from "../shared/mesh-setup.js";
import { NS, forum, webapp, webappRequest } from "../shared/traffic.js";

// The seed's egress probe from inside webapp (busybox wget), reduced to one word so a check can match it.
const OUTSIDE_URL = "https://raw.githubusercontent.com/istio/istio/1.17.8/README.md";
function egressFromWebapp(title: string, word: "reachable" | "blocked", mustFailFirst: boolean): Check {
  return {
    kind: "exec",
    title,
    workload: webapp,
    container: "webapp",
    command: ["sh", "-c", `wget -q -T 10 -O /dev/null ${OUTSIDE_URL} && echo reachable || echo blocked`],
    expect: [{ op: "contains", value: word }],
    needsEgress: true,
    mustFailFirst,
  };
}

const MESH_CONFIG = { apiVersion: "v1", kind: "ConfigMap", name: "istio", namespace: "istio-system" };
const INGRESS_SERVICE = { apiVersion: "v1", kind: "Service", name: "istio-ingressgateway", namespace: "istio-system" };

export const ch5RegistryOnly: LabDefinition = {
  id: "ch5-registry-only",
  chapter: 5,
  section: "5.5",
  title: "Block unknown egress (REGISTRY_ONLY) and allow it with a ServiceEntry",
  proves: "REGISTRY_ONLY sends unknown hosts to BlackHoleCluster, and a ServiceEntry lets forum reach jsonplaceholder again",
  duration: "~4 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [webapp, forum],
  steps: () => [
    webappAndCatalogStep(false),
    {
      title: "Check that webapp can reach the internet (ALLOW_ANY)",
      why: "By default Istio lets traffic to unknown hosts leave the mesh through PassthroughCluster.",
      actions: [],
      checks: [egressFromWebapp("webapp downloads from raw.githubusercontent.com", "reachable", false)],
    },
    {
      title: "Switch the mesh to REGISTRY_ONLY",
      why: "Only hosts in the service registry may be called; re-installing from our IstioOperator keeps the NodePorts.",
      actions: [{ kind: "mesh-config", outboundTrafficPolicy: "REGISTRY_ONLY" }],
      checks: [
        {
          kind: "object",
          title: "the mesh config says REGISTRY_ONLY",
          target: MESH_CONFIG,
          expect: { path: "$.data.mesh", matcher: { op: "contains", value: "REGISTRY_ONLY" } },
        },
        {
          kind: "object",
          title: "the ingress gateway still has nodePorts 30000, 30005, 30006",
          target: INGRESS_SERVICE,
          expect: { path: "$.spec.ports[*].nodePort", matcher: { op: "regex", value: "30000.*30005.*30006" } },
          mustFailFirst: false,
        },
        { kind: "http", title: "the gateway still serves webapp", request: webappRequest(), expect: { status: 200 }, mustFailFirst: false },
        egressFromWebapp("the same download is now blocked", "blocked", true),
        {
          kind: "logs",
          title: "webapp's sidecar logs the blocked call to BlackHoleCluster",
          workload: webapp,
          container: "istio-proxy",
          expect: [{ op: "contains", value: "BlackHoleCluster" }],
          needsEgress: true,
        },
      ],
      mustFailFirst: true,
    },
    {
      title: "Deploy forum: its call to jsonplaceholder is blocked",
      why: "forum calls http://jsonplaceholder.typicode.com/users, which is not in the registry.",
      actions: deployApp("forum.yaml", forum),
      checks: [
        {
          kind: "http",
          title: "/api/users fails with 'error calling Forum service'",
          request: webappRequest("/api/users"),
          expect: { status: 500, body: [{ op: "contains", value: "error calling Forum service" }] },
          mustFailFirst: false,
        },
        {
          kind: "logs",
          title: "forum's sidecar answers the call itself with 502 block_all",
          workload: forum,
          container: "istio-proxy",
          expect: [{ op: "regex", value: '"GET /users HTTP/1\\.1" 502 .*jsonplaceholder\\.typicode\\.com.*block_all' }],
          needsEgress: true,
        },
      ],
      mustFailFirst: true,
    },
    {
      title: "Register jsonplaceholder with a ServiceEntry",
      why: "A ServiceEntry adds the outside host to the registry, so REGISTRY_ONLY lets it through.",
      actions: [applyLabFile("labs/ch5-registry-only/forum-serviceentry.yaml")],
      checks: [
        {
          kind: "proxy-config",
          title: "forum's sidecar has the cluster outbound|80||jsonplaceholder.typicode.com",
          workload: forum,
          resource: "cluster",
          name: "jsonplaceholder.typicode.com",
          assert: { kind: "cluster-present", name: "outbound|80||jsonplaceholder.typicode.com" },
        },
        {
          kind: "http",
          title: "/api/users returns the users",
          request: webappRequest("/api/users"),
          expect: { status: 200, body: [{ op: "contains", value: "\"username\"" }] },
          needsEgress: true,
        },
      ],
      mustFailFirst: true,
    },
  ],
};
