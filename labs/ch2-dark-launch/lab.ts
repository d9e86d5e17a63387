import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { anyHostRequest, outfittersStep } from "../shared/outfitters-setup.js";
import { NS, V1_BODY, V2_BODY, catalogV1, catalogV2, webapp } from "../shared/traffic.js";
import { subsetClusterExists } from "../shared/route-checks.js";

const DARK_LAUNCH = { "x-dark-launch": "v2" };

export const ch2DarkLaunch: LabDefinition = {
  id: "ch2-dark-launch",
  chapter: 2,
  section: "2.5",
  title: "Dark launch v2 behind the x-dark-launch header",
  proves: "With subsets and a mesh VirtualService every call is v1, and only requests with x-dark-launch: v2 reach v2",
  duration: "~3 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [webapp, catalogV1, catalogV2],
  steps: () => [
    outfittersStep(true),
    {
      title: "Send all catalog traffic to v1",
      why: "v2 is deployed but must not serve users yet: subsets name the versions, the VirtualService picks v1.",
      actions: [applyLabFile("labs/ch2-dark-launch/catalog-destinationrule.yaml"), applyLabFile("labs/ch2-dark-launch/catalog-virtualservice-all-v1.yaml")],
      checks: [
        {
          kind: "proxy-config",
          title: "webapp's sidecar routes catalog only to version-v1",
          workload: webapp,
          resource: "routes",
          name: "80",
          assert: { kind: "single-cluster", cluster: "|version-v1|catalog" },
        },
        { kind: "http", title: "20 responses in a row are v1", request: anyHostRequest(), repeat: 20, expect: { status: 200, body: V1_BODY } },
      ],
      mustFailFirst: true,
    },
    {
      title: "Dark launch v2 for requests with x-dark-launch: v2",
      why: "Only callers that send the header see v2, so it can be tried in production while users stay on v1.",
      actions: [applyLabFile("labs/ch2-dark-launch/catalog-virtualservice-dark-v2.yaml")],
      checks: [
        {
          kind: "proxy-config",
          title: "webapp's sidecar matches x-dark-launch: v2 to version-v2 before the default route",
          workload: webapp,
          resource: "routes",
          name: "80",
          assert: { kind: "header-match", header: "x-dark-launch", exact: "v2", cluster: "|version-v2|catalog", defaultCluster: "|version-v1|catalog" },
        },
        subsetClusterExists(webapp, "version-v2"),
        { kind: "http", title: "with the header every response is v2", request: anyHostRequest("/api/catalog", DARK_LAUNCH), repeat: 10, expect: { status: 200, body: V2_BODY } },
        { kind: "http", title: "without it every response is still v1", request: anyHostRequest(), repeat: 10, expect: { status: 200, body: V1_BODY }, mustFailFirst: false },
      ],
      mustFailFirst: true,
    },
  ],
};
