import { readdir } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";

// The files of a lab's diagnostics folder as paths relative to the report folder (for links); [] when unreadable.
export async function listDiagnosticsFiles(reportDir: string, diagnosticsDir: string): Promise<string[]> {
  const dir = resolve(diagnosticsDir);
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(resolve(reportDir), join(dir, entry.name)).split(sep).join("/"))
      .sort();
  } catch {
    return [];
  }
}
