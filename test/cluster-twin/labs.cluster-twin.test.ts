// The labs end to end on the cluster twin, through the unchanged runner: one `lab all --only <labs> --self-test
// --report` run (apply, rollouts, polls, checks, reset between labs on the real API), then per lab: it passed,
// every check of every step passed, and each must-fail-first check failed before its step. The run's JUnit and
// HTML report stay in test-artifacts/cluster-twin/; the labs that passed are recorded in evidence.json.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../core/paths.js";
import type { SummaryLab } from "../../engine/report/summary.js";
import { CLUSTER_TWIN_LABS } from "./lab-list.js";
import { runLabCli, type LabCliRun } from "./run-lab-cli.js";

const twin = inject("clusterTwin");
const root = projectRoot();
const reportDir = join(root, "test-artifacts", "cluster-twin");
const EVIDENCE_FILE = join(root, "test", "cluster-twin", "evidence.json");

function problemsOf(lab: SummaryLab): string[] {
  const problems: string[] = [];
  if (lab.status !== "passed") problems.push(`status ${lab.status}${lab.failure ? `: ${lab.failure.step}: ${lab.failure.message}` : ""}`);
  for (const step of lab.steps) {
    if (step.status !== "passed") problems.push(`step "${step.title}" ${step.status}${step.reason ? ` (${step.reason})` : ""}`);
    for (const check of step.checks) if (check.status !== "passed") problems.push(`check "${check.title}" ${check.status}: ${check.seen.slice(0, 300)}`);
    for (const check of step.selfTest ?? []) if (check.status !== "failed") problems.push(`self-test of "${check.title}" ${check.status} before its step`);
  }
  return problems;
}

describe.skipIf("skip" in twin)(`labs end to end on the cluster twin (${"skip" in twin ? twin.skip : "running"})`, () => {
  let run: LabCliRun;
  beforeAll(async () => {
    if ("skip" in twin) return;
    rmSync(reportDir, { recursive: true, force: true });
    mkdirSync(reportDir, { recursive: true });
    run = await runLabCli(root, ["all", "--only", CLUSTER_TWIN_LABS.join(","), "--self-test"], { context: twin.context, kubeconfig: twin.kubeconfig, reportDir });
    writeFileSync(join(reportDir, "lab-output.txt"), run.output);
    process.stdout.write(`[cluster-twin] lab all: exit ${run.exitCode} in ${(run.durationMs / 1000).toFixed(0)} s; report ${reportDir}/index.html\n`);
    const passed = (run.summary?.labs ?? []).filter((lab) => problemsOf(lab).length === 0);
    const evidence = Object.fromEntries(passed.map((lab) => [lab.labId, {
      clusterTwin: true,
      steps: lab.steps.length,
      checks: lab.steps.reduce((n, step) => n + step.checks.length, 0),
      selfTestFailedFirst: lab.steps.reduce((n, step) => n + (step.selfTest?.length ?? 0), 0),
    }]).sort(([a], [b]) => String(a).localeCompare(String(b))));
    writeFileSync(EVIDENCE_FILE, `${JSON.stringify(evidence, null, 2)}\n`);
  });

  it("writes a JUnit and an HTML report of the run", () => {
    expect(run.summary, run.output.slice(-3000)).toBeDefined();
    expect(run.summary?.labs.map((lab) => lab.labId).sort()).toEqual([...CLUSTER_TWIN_LABS].sort());
  });

  it.each(CLUSTER_TWIN_LABS)("%s passes end to end, its must-fail-first checks failing first", (labId) => {
    const lab = run.summary?.labs.find((candidate) => candidate.labId === labId);
    expect(lab, `no result for ${labId}:\n${run.output.slice(-2000)}`).toBeDefined();
    if (lab === undefined) return;
    expect(problemsOf(lab)).toEqual([]);
    expect(lab.steps.some((step) => (step.selfTest?.length ?? 0) > 0)).toBe(true);
  });
});
