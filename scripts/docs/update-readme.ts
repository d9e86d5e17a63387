import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../core/paths.js";
import { LABS } from "../../labs/registry.js";
import { formatLabTable, replaceLabTable } from "./format-lab-table.js";
import { deriveEvidence, readEvidenceSources } from "./lab-evidence.js";

// `npm run docs`: regenerates the README's lab table from the lab definitions.
const path = join(projectRoot(), "README.md");
const before = readFileSync(path, "utf8");
const sources = readEvidenceSources(projectRoot());
const after = replaceLabTable(before, formatLabTable(LABS, (lab) => deriveEvidence(lab, sources)));
if (after !== before) writeFileSync(path, after);
console.log(after === before ? "README.md lab table is up to date." : "README.md lab table regenerated.");
