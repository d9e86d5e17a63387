// What proves each lab, derived from the artifacts the test suites leave behind, never typed by hand:
// the dry-run snapshot file, the manifests the schema suite validates, the loopback stand-in suites, and the
// twin's generated evidence files (istiod 1.17.8 config and real Envoy traffic) and the cluster twin's run of the
// whole lab through the runner (test/cluster-twin/evidence.json). A real cluster (e2e) is
// written but never claimed: it runs only where Docker is.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Action, LabDefinition } from "../../engine/lab-types.js";

export type EvidenceLevel = "plan" | "schemas" | "loopback" | "istiod-config" | "envoy-traffic" | "cluster-twin";

export const EVIDENCE_LEVELS: readonly { level: EvidenceLevel; meaning: string }[] = [
  { level: "plan", meaning: "its --dry-run plan is snapshot-tested" },
  { level: "schemas", meaning: "its manifests validate against the Kubernetes and Istio schemas" },
  { level: "loopback", meaning: "its must-fail-first traffic checks fail against 127.0.0.1 stand-ins where nothing of the lab exists" },
  { level: "istiod-config", meaning: "its proxy-config checks (or config-level assertions) pass on istiod's own generated config after their step" },
  { level: "envoy-traffic", meaning: "its traffic checks pass through a real Envoy running the generated config" },
  {
    level: "cluster-twin",
    meaning: "the unchanged `lab` runner ran it end to end with --self-test (apply, rollouts, checks, reset) on the cluster twin: kube-apiserver v1.23.17, kwok, istiod and Envoy on loopback",
  },
];

/** The artifacts evidence is read from. */
export interface EvidenceSources {
  planSnapshot: string;
  istiod: Record<string, unknown>;
  envoy: Record<string, unknown>;
  /** test/cluster-twin/evidence.json: the labs `npm run test:cluster-twin` saw pass end to end (absent: none). */
  clusterTwin?: Record<string, unknown>;
}

const SNAPSHOT = "test/labs/__snapshots__/dry-run-plans.test.ts.snap";
const ISTIOD = "test/twin/golden/evidence.json";
const ENVOY = "test/twin/envoy-evidence.json";
const CLUSTER_TWIN = "test/cluster-twin/evidence.json";
const TRAFFIC_KINDS = new Set(["http", "tcp", "weighted"]);

const readText = (root: string, path: string): string => (existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : "");
const readJson = (root: string, path: string): Record<string, unknown> => {
  const text = readText(root, path);
  return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
};

export function readEvidenceSources(root: string): EvidenceSources {
  return { planSnapshot: readText(root, SNAPSHOT), istiod: readJson(root, ISTIOD), envoy: readJson(root, ENVOY), clusterTwin: readJson(root, CLUSTER_TWIN) };
}

// A manifest the schema suites validate: an applied YAML file, or an Envoy config a docker action mounts.
const usesManifest = (actions: readonly Action[]): boolean =>
  actions.some((a) => (a.kind === "apply" && /\.ya?ml$/.test(a.file)) || (a.kind === "docker" && a.args.some((arg) => /\.ya?ml\b/.test(arg))));

// The evidence levels one lab has, in EVIDENCE_LEVELS order.
export function deriveEvidence(lab: LabDefinition, sources: EvidenceSources): EvidenceLevel[] {
  const steps = lab.steps({ fast: false });
  const has: Record<EvidenceLevel, boolean> = {
    plan: sources.planSnapshot.includes(`exports[\`lab --dry-run plans > ${lab.id} `),
    schemas: steps.some((step) => usesManifest(step.actions)),
    // The empty-cluster suite runs exactly the must-fail-first checks (test/labs/checks-fail-on-empty-cluster.test.ts).
    loopback: steps.some((step) => step.checks.some((check) => TRAFFIC_KINDS.has(check.kind) && (check.mustFailFirst ?? step.mustFailFirst) === true)),
    "istiod-config": sources.istiod[lab.id] !== undefined,
    "envoy-traffic": sources.envoy[lab.id] !== undefined,
    "cluster-twin": sources.clusterTwin?.[lab.id] !== undefined,
  };
  return EVIDENCE_LEVELS.map((entry) => entry.level).filter((level) => has[level]);
}
