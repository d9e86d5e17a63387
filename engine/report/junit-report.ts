import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { LabResult, StepResult } from "../runner/lab-result.js";
import { skipReasons } from "../runner/lab-status.js";
import { escapeXml, escapeXmlAttribute } from "./xml-escape.js";

// JUnit XML: a <testsuite> per lab, a <testcase> per step, failures carrying expected/seen/command.

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

// The whole report as a string (pure; writeJUnit puts it in a file).
export function renderJUnit(results: readonly LabResult[]): string {
  const counts = results.map(countLab);
  const sum = (key: keyof ReturnType<typeof countLab>): number => counts.reduce((total, c) => total + c[key], 0);
  const total = results.reduce((ms, r) => ms + r.durationMs, 0);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="istio-lab" tests="${sum("tests")}" failures="${sum("failures")}" skipped="${sum("skipped")}" errors="0" time="${seconds(total)}">`,
  ];
  for (const result of results) lines.push(...renderSuite(result));
  lines.push(`</testsuites>`);
  return lines.join("\n") + "\n";
}

// Writes the JUnit report, creating its folder.
export async function writeJUnit(results: readonly LabResult[], file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, renderJUnit(results));
}

function countLab(result: LabResult): { tests: number; failures: number; skipped: number } {
  return {
    tests: result.steps.length,
    failures: result.steps.filter((s) => s.status === "failed").length,
    skipped: result.steps.filter((s) => s.status === "skipped" || s.status === "not-run").length,
  };
}

function renderSuite(result: LabResult): string[] {
  const count = countLab(result);
  const name = escapeXmlAttribute(result.labId);
  const lines = [`  <testsuite name="${name}" tests="${count.tests}" failures="${count.failures}" skipped="${count.skipped}" errors="0" time="${seconds(result.durationMs)}">`];
  for (const step of result.steps) lines.push(...renderCase(result, step));
  const out = systemOut(result);
  if (out) lines.push(`    <system-out>${escapeXml(out)}</system-out>`);
  lines.push(`  </testsuite>`);
  return lines;
}

function renderCase(result: LabResult, step: StepResult): string[] {
  const open = `    <testcase name="${escapeXmlAttribute(step.title)}" classname="${escapeXmlAttribute(result.labId)}" time="${seconds(step.durationMs)}"`;
  if (step.status === "passed") return [`${open}/>`];
  if (step.status === "failed") {
    const failure = result.failure?.step === step.title ? result.failure : undefined;
    const message = failure?.message ?? step.reason ?? "step failed";
    const body = failure ? `${failure.message}\nexpected: ${failure.expected}\nseen: ${failure.seen}\ncommand: ${failure.command}` : message;
    return [`${open}>`, `      <failure message="${escapeXmlAttribute(message)}" type="${failure ? "assertion" : "interrupted"}">${escapeXml(body)}</failure>`, `    </testcase>`];
  }
  const reason = step.status === "skipped" ? step.reason ?? skipReasons(step.checks) : step.reason ?? "not run";
  return [`${open}>`, `      <skipped message="${escapeXmlAttribute(reason || "skipped")}"/>`, `    </testcase>`];
}

function systemOut(result: LabResult): string {
  const lines: string[] = [];
  if (result.stopped) lines.push(result.stopped.message);
  if (result.diagnosticsDir) lines.push(`diagnostics: ${result.diagnosticsDir}`);
  for (const action of result.cleanup.filter((a) => a.status === "failed")) lines.push(`cleanup failed: ${action.command}: ${action.error ?? ""}`);
  return lines.join("\n");
}
