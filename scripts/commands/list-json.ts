import { projectRoot } from "../../core/paths.js";
import { LABS } from "../../labs/registry.js";
import { EVIDENCE_LEVELS, deriveEvidence, readEvidenceSources } from "../docs/lab-evidence.js";

// `lab list --json`: every built lab with its claim, time and the evidence the test suites give it.
export function formatLabListJson(): string {
  const sources = readEvidenceSources(projectRoot());
  const labs = LABS.map((lab) => ({
    id: lab.id,
    chapter: lab.chapter,
    section: lab.section,
    title: lab.title,
    proves: lab.proves,
    duration: lab.duration,
    requires: lab.requires,
    evidence: deriveEvidence(lab, sources),
  }));
  const levels = Object.fromEntries(EVIDENCE_LEVELS.map(({ level, meaning }) => [level, meaning]));
  return JSON.stringify({ levels, realCluster: "npm run test:e2e on a machine with Docker (never claimed here)", labs }, null, 2);
}
