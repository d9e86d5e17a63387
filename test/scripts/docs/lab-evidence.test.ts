import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../core/paths.js";
import { LABS } from "../../../labs/registry.js";
import { deriveEvidence, readEvidenceSources, type EvidenceSources } from "../../../scripts/docs/lab-evidence.js";

const lab = (id: string) => LABS.find((candidate) => candidate.id === id)!;
const NONE: EvidenceSources = { planSnapshot: "", istiod: {}, envoy: {} };

describe("lab evidence", () => {
  it("claims nothing a source does not show: no snapshot, no twin files -> only what the definition's manifests and checks give", () => {
    expect(deriveEvidence(lab("ch5-mirror"), NONE)).toEqual(["schemas", "loopback"]);
  });

  it("reads the plan level from the snapshot file and the twin levels from their generated files", () => {
    const sources = { planSnapshot: "exports[`lab --dry-run plans > ch5-mirror matches", istiod: { "ch5-mirror": {} }, envoy: { "ch5-mirror": {} } };
    expect(deriveEvidence(lab("ch5-mirror"), sources)).toEqual(["plan", "schemas", "loopback", "istiod-config", "envoy-traffic"]);
    expect(deriveEvidence(lab("ch5-routing"), sources)).not.toContain("istiod-config");
  });

  it("claims cluster-twin only for a lab the cluster-twin suite recorded as passed end to end", () => {
    const sources = { ...NONE, clusterTwin: { "ch5-routing": { clusterTwin: true } } };
    expect(deriveEvidence(lab("ch5-routing"), sources)).toContain("cluster-twin");
    expect(deriveEvidence(lab("ch5-mirror"), sources)).not.toContain("cluster-twin");
  });

  it("claims loopback only for must-fail-first traffic checks, the ones the empty-cluster suite runs", () => {
    const mirror = lab("ch5-mirror");
    const optedOut = { ...mirror, steps: () => mirror.steps({ fast: false }).map((step) => ({ ...step, mustFailFirst: false, checks: step.checks.map((check) => ({ ...check, mustFailFirst: false })) })) };
    expect(deriveEvidence(optedOut, NONE)).not.toContain("loopback");
  });

  it("gives every lab of this repository a snapshot-tested plan", () => {
    const sources = readEvidenceSources(projectRoot());
    for (const each of LABS) expect(deriveEvidence(each, sources), each.id).toContain("plan");
  });
});
