// Global setup of the twin suite: a folder for the labs' evidence fragments, merged at the end into
// test/twin/envoy-evidence.json (labs this run did not touch keep their entries).

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import type { LabEvidence } from "./harness/twin-evidence.js";

const EVIDENCE_FILE = new URL("../envoy-evidence.json", import.meta.url);

// Provides the fragment folder; the returned teardown merges it.
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "twin-evidence-"));
  project.provide("twinEvidenceDir", dir);
  return () => {
    const fragments = readdirSync(dir).filter((name) => name.endsWith(".json"));
    if (fragments.length > 0) {
      const merged: Record<string, LabEvidence> = existsSync(EVIDENCE_FILE) ? (JSON.parse(readFileSync(EVIDENCE_FILE, "utf8")) as Record<string, LabEvidence>) : {};
      for (const name of fragments) merged[name.slice(0, -".json".length)] = JSON.parse(readFileSync(join(dir, name), "utf8")) as LabEvidence;
      const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(EVIDENCE_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
