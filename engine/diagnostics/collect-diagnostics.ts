import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describeError } from "../../core/errors.js";
import type { LabDefinition } from "../lab-types.js";
import type { LabContext } from "../lab-context.js";
import { collectorsFor, type Collector } from "./collectors.js";

/** Written first in the bundle: what failed, so the folder explains itself. */
export interface DiagnosticsHeader {
  failure?: { step: string; message: string; expected: string; seen: string; command: string };
}

// The bundle folder of a lab under a base folder (the --report folder or the work folder).
export function diagnosticsDirOf(baseDir: string, labId: string): string {
  return join(baseDir, "diagnostics", labId);
}

// Writes the diagnostics bundle of a failed lab into `<baseDir>/diagnostics/<lab-id>/` and returns that folder.
export async function collectDiagnostics(lab: LabDefinition, ctx: LabContext, baseDir: string, header: DiagnosticsHeader = {}): Promise<string> {
  const dir = diagnosticsDirOf(baseDir, lab.id);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const collectors = collectorsFor(lab, ctx);
  const lines = await Promise.all(collectors.map((collector) => runCollector(collector, dir, ctx)));
  await writeFile(join(dir, "README.txt"), formatIndex(lab, header, lines, new Date(ctx.now())));
  return dir;
}

async function runCollector(collector: Collector, dir: string, ctx: LabContext): Promise<string> {
  try {
    const files = await collector.collect();
    for (const file of files) await writeFile(join(dir, safeName(file.name)), file.text);
    const failed = files.filter((f) => f.name.endsWith(".error.txt")).length;
    return `${collector.name}: ${files.length} file(s)${failed > 0 ? `, ${failed} error(s)` : ""}`;
  } catch (error) {
    ctx.log(`diagnostics: ${collector.name} failed: ${describeError(error)}`);
    await writeFile(join(dir, `${safeName(collector.name)}.error.txt`), describeError(error) + "\n");
    return `${collector.name}: FAILED (${safeName(collector.name)}.error.txt)`;
  }
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_");
}

function formatIndex(lab: LabDefinition, header: DiagnosticsHeader, lines: string[], at: Date): string {
  const out = [`Diagnostics for ${lab.id} (${lab.title}), collected ${at.toISOString()}`, ""];
  const failure = header.failure;
  if (failure) {
    out.push(`Failed step: ${failure.step}`, failure.message, `expected: ${failure.expected}`, `seen: ${failure.seen}`, `see it yourself: ${failure.command}`, "");
  }
  out.push(lines.length > 0 ? "Collected:" : "Nothing to collect: this lab does not use the cluster.", ...lines.map((line) => `  ${line}`));
  return out.join("\n") + "\n";
}
