import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { usageError } from "../../core/errors.js";
import type { CliIo } from "./io.js";
import type { CliArgs } from "./parse-args.js";

// Argument checks that need the machine but nothing else, run before any verb starts: a bad --report or --step
// must end the run at once (exit 2), not after minutes of work.
export function checkRunPreconditions(args: CliArgs, io: CliIo): void {
  if (args.step && !io.isTTY) {
    throw usageError("--step needs a terminal: it asks before each step, and there is no one to ask here.", "Run it in a terminal, or drop --step (CI runs every step).");
  }
  if (args.report !== undefined && !args.dryRun) requireReportDir(args.report);
}

// --report must be a folder this process can write (created when missing).
function requireReportDir(dir: string): void {
  const path = resolve(dir);
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing !== undefined && !existing.isDirectory()) {
    throw usageError(`--report ${dir}: that is a file, not a folder.`, "Give --report a folder (it is created when missing); JUnit XML, summary.json and diagnostics go inside.");
  }
  try {
    mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    throw usageError(`--report ${dir}: the folder cannot be written (${code || (error as Error).message}).`, "Choose a folder you can write, e.g. --report ./lab-report.");
  }
}
