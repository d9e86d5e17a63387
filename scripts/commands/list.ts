import { CATALOG } from "../../labs/catalog.js";
import { LABS } from "../../labs/registry.js";

// `lab list`: every lab of the catalog; built ones first in registry order, then the planned ones.
export function formatLabList(): string {
  const built = new Set(LABS.map((lab) => lab.id));
  const width = Math.max(...CATALOG.map((e) => e.id.length));
  const row = (id: string, chapter: number, section: string, title: string, planned: boolean): string =>
    `${id.padEnd(width)}  ch${chapter}  ${section.padEnd(6)} ${title}${planned ? "  (planned)" : ""}`;
  const lines = LABS.map((lab) => row(lab.id, lab.chapter, lab.section, lab.title, false));
  const planned = CATALOG.filter((e) => !built.has(e.id)).map((e) => row(e.id, e.chapter, e.section, e.title, true));
  return [...lines, ...planned, "", `${LABS.length} built, ${planned.length} planned. Run one: npm run lab <lab-id>`].join("\n");
}
