import { join } from "node:path";
import { usageError } from "../../core/errors.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { readSummaryFile } from "../../engine/report/read-summary.js";
import { writeHtmlReport } from "../../engine/report/write-html-report.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";

// `lab report <dir>`: index.html again from the folder's summary.json (the page's one source).
export async function reportCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  const dir = args.operand ?? args.report;
  if (dir === undefined) throw usageError("`report` needs the folder a run wrote with --report.", "Run `npm run lab -- report reports`.");
  const summary = await readSummaryFile(join(dir, "summary.json"));
  const page = join(dir, "index.html");
  await writeHtmlReport(summary, page);
  io.out(`Report: ${page} (${summary.labs.length} lab${summary.labs.length === 1 ? "" : "s"})`);
  return ExitCode.OK;
}
