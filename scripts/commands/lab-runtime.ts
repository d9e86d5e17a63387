import { join } from "node:path";
import { planReset } from "../../platform/plan-reset.js";
import { planUp } from "../../platform/plan-up.js";
import { runPlatformPlan } from "../../platform/run-platform-plan.js";
import { createStepExecutor } from "../../engine/execute/create-step-executor.js";
import type { LabDefinition } from "../../engine/lab-types.js";
import { writeJUnit } from "../../engine/report/junit-report.js";
import { projectRoot } from "../../core/paths.js";
import { readCommit } from "../../engine/report/read-commit.js";
import type { RunMeta } from "../../engine/report/run-meta.js";
import { buildSummary, writeSummaryJson } from "../../engine/report/summary.js";
import { writeHtmlReport } from "../../engine/report/write-html-report.js";
import { chooseRenderer } from "../../engine/runner/choose-renderer.js";
import type { LabResult } from "../../engine/runner/lab-result.js";
import type { RunLabDeps, RunLabOptions } from "../../engine/runner/run-options.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import type { Session } from "./session.js";
import { useMirrors } from "./use-mirrors.js";

// True when the lab runs on the kind cluster; the Docker-only ch3 labs do not.
export function needsCluster(lab: LabDefinition): boolean {
  return lab.requires.includes("cluster");
}

// Up (idempotent) and then reset (a no-op at baseline): every lab starts from the same cluster.
// Docker-only labs leave the cluster alone: not brought up, not reset.
export async function prepareCluster(session: Session, io: CliIo, labs: readonly LabDefinition[]): Promise<void> {
  if (!labs.some(needsCluster)) {
    io.out("Docker-only lab: the kind cluster is neither brought up nor reset.");
    return;
  }
  io.out(`Preparing ${session.context} (up, then reset to the baseline if needed):`);
  await runPlatformPlan(planUp({ cluster: session.cluster, mirror: useMirrors({}, io) }), session.platform, session.progress);
  await resetToBaseline(session, io);
  if (labs.some((lab) => lab.requires.includes("docker"))) io.out("  (Docker-only labs do not use the cluster.)");
}

export async function resetToBaseline(session: Session, _io: CliIo): Promise<void> {
  await runPlatformPlan(planReset({ cluster: session.cluster }), session.platform, session.progress);
}

// The run's edges: the session's (its API client connects on first use, so Docker-only labs need no cluster).
export function labDeps(session: Session): RunLabDeps {
  return { ctx: session.labContext(), executor: createStepExecutor() };
}

export function labRunOptions(args: CliArgs, io: CliIo): RunLabOptions {
  return {
    selfTest: args.selfTest,
    fast: args.fast,
    verbose: args.verbose,
    renderer: chooseRenderer(io.env, io.isTTY, args.verbose),
    ...(args.report ? { reportDir: args.report } : {}),
  };
}

// --report: JUnit XML, a JSON summary and the HTML page rendered from that summary, next to the diagnostics.
export async function writeReports(results: readonly LabResult[], reportDir: string | undefined, io: CliIo, run: RunMeta = {}): Promise<void> {
  if (!reportDir) return;
  const commit = run.commit ?? (await readCommit(io.env, projectRoot()));
  const summary = await buildSummary(results, reportDir, { ...run, ...(commit ? { commit } : {}), generatedAt: new Date().toISOString() });
  await writeJUnit(results, join(reportDir, "junit.xml"));
  await writeSummaryJson(summary, join(reportDir, "summary.json"));
  await writeHtmlReport(summary, join(reportDir, "index.html"));
  io.out(`Reports: ${join(reportDir, "junit.xml")}, ${join(reportDir, "summary.json")}, ${join(reportDir, "index.html")}`);
}
