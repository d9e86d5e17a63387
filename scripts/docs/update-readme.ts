import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../core/paths.js";
import { LABS } from "../../labs/registry.js";
import { formatLabTable, replaceLabTable } from "./format-lab-table.js";
import { deriveEvidence, readEvidenceSources } from "./lab-evidence.js";
import { labIndexText } from "./write-lab-index.js";

// `npm run docs`: regenerates the README's lab table from the lab definitions.
const path = join(projectRoot(), "README.md");
const before = readFileSync(path, "utf8");
const sources = readEvidenceSources(projectRoot());
const after = replaceLabTable(before, formatLabTable(LABS, (lab) => deriveEvidence(lab, sources)));
if (after !== before) writeFileSync(path, after);
console.log(after === before ? "README.md lab table is up to date." : "README.md lab table regenerated.");

const indexPath = join(projectRoot(), "labs", "lab-index.ts");
const index = await labIndexText(projectRoot());
const indexBefore = readFileSync(indexPath, "utf8").toString();
if (index !== indexBefore) writeFileSync(indexPath, index);
console.log(index === indexBefore ? "labs/lab-index.ts is up to date." : "labs/lab-index.ts regenerated.");
