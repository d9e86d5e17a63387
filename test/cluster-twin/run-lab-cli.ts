// Runs the unchanged `lab` command (dist/scripts/lab.js of `root`) against the twin's context and reads the
// summary.json its --report wrote.

import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunSummary } from "../../engine/report/summary.js";

export interface LabCliRun {
  exitCode: number;
  output: string;
  summary: RunSummary | undefined;
  durationMs: number;
}

export function runLabCli(root: string, args: readonly string[], options: { context: string; kubeconfig: string; reportDir: string }): Promise<LabCliRun> {
  const started = Date.now();
  const argv = [join(root, "dist", "scripts", "lab.js"), ...args, "--context", options.context, "--yes", "--report", options.reportDir];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd: root, env: { ...process.env, KUBECONFIG: options.kubeconfig, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      let summary: RunSummary | undefined;
      try {
        summary = JSON.parse(readFileSync(join(options.reportDir, "summary.json"), "utf8")) as RunSummary;
      } catch {
        summary = undefined;
      }
      resolve({ exitCode, output: `${stdout}${stderr}`, summary, durationMs: Date.now() - started });
    });
  });
}
