// ch5-mirror on the cluster twin: every check passes except the one test/twin/envoy/mesh-lab-list.ts names as a
// difference of the twin's 2026 istiod, which must fail for exactly that reason (read through `kubectl logs`:
// the mirrored requests reach catalog v2, without the -shadow Host suffix). Never counted as a pass.

import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../core/paths.js";
import { VERSION_DIFFERENCES } from "../twin/envoy/mesh-lab-list.js";
import { runLabCli } from "./run-lab-cli.js";

const twin = inject("clusterTwin");
const root = projectRoot();

describe.skipIf("skip" in twin)("where the twin's Istio differs from 1.17.8", () => {
  it.each(Object.entries(VERSION_DIFFERENCES))("%s fails for the stated reason and nothing else", async (name, difference) => {
    if ("skip" in twin) return;
    const [labId, stepPart, title] = name.split(" › ");
    const stepNumber = Number((stepPart ?? "").replace("step ", ""));
    const reportDir = join(root, "test-artifacts", "cluster-twin-differences", labId ?? "lab");
    const run = await runLabCli(root, [labId ?? ""], { context: twin.context, kubeconfig: twin.kubeconfig, reportDir });
    expect(run.exitCode, run.output.slice(-2000)).toBe(1);
    const lab = run.summary?.labs[0];
    expect(lab?.steps.slice(0, stepNumber - 1).map((step) => step.status).every((status) => status === "passed")).toBe(true);
    const checks = lab?.steps[stepNumber - 1]?.checks ?? [];
    expect(checks.filter((check) => check.status === "failed").map((check) => check.title)).toEqual([title]);
    expect(checks.filter((check) => check.title !== title).every((check) => check.status === "passed")).toBe(true);
    expect(checks.find((check) => check.title === title)?.seen ?? "", difference.reason).toMatch(difference.seen);
  });
});
