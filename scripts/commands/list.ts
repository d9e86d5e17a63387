import { PLANNED_LABS } from "../../labs/catalog.js";
import { LAB_INDEX } from "../../labs/lab-index.js";

// `lab list`: the built labs in registry order (from the generated index: no lab definition loads), then the planned ones.
export function formatLabList(): string {
  const rows = [...LAB_INDEX.map((lab) => ({ ...lab, planned: false })), ...PLANNED_LABS.map((entry) => ({ ...entry, planned: true }))];
  const width = Math.max(...rows.map((row) => row.id.length));
  const lines = rows.map(({ id, chapter, section, title, planned }) =>
    `${id.padEnd(width)}  ch${chapter}  ${section.padEnd(6)} ${title}${planned ? "  (planned)" : ""}`,
  );
  return [...lines, "", `${LAB_INDEX.length} built, ${PLANNED_LABS.length} planned. Run one: npm run lab <lab-id>`].join("\n");
}
