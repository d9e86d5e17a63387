import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { renderReportPage } from "./html/render-report-page.js";
import type { RunSummary } from "./summary.js";

// Writes the HTML report page (index.html) from a summary, creating its folder.
export async function writeHtmlReport(summary: RunSummary, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, renderReportPage(summary));
}
