import { readFile } from "node:fs/promises";
import { environmentError, usageError } from "../../core/errors.js";
import type { RunSummary } from "./summary.js";

// Reads a summary.json written by any version of the runner (schema 1 has no version); what is malformed is an error with a hint.
export async function readSummaryFile(file: string): Promise<RunSummary> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw environmentError(`Cannot read the run summary ${file}.`, { cause: error, hint: "Give the folder a run wrote with `--report <dir>` (it holds summary.json)." });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw usageError(`${file} is not JSON: ${(error as Error).message}.`, "Give the summary.json a run wrote with `--report <dir>`.");
  }
  if (!isSummaryShape(parsed)) throw usageError(`${file} is not a run summary (no "labs" list).`, "Give the summary.json a run wrote with `--report <dir>`.");
  return parsed;
}

function isSummaryShape(value: unknown): value is RunSummary {
  if (typeof value !== "object" || value === null) return false;
  const labs = (value as { labs?: unknown }).labs;
  return Array.isArray(labs) && labs.every((lab) => typeof lab === "object" && lab !== null && typeof (lab as { labId?: unknown }).labId === "string");
}
