import { usageError } from "../core/errors.js";
import type { LabDefinition } from "../engine/lab-types.js";
import { PLANNED_LABS, type PlannedLab } from "./catalog.js";
import { LABS } from "./registry.js";

// Edit distance between two ids, for "did you mean".
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

// The ids closest to a mistyped one: shared prefix or substring first, then by edit distance.
export function nearestIds(id: string, ids: readonly string[], count = 3): string[] {
  const score = (candidate: string): number =>
    editDistance(id, candidate) - (candidate.includes(id) || id.includes(candidate) ? 10 : 0);
  return [...ids].sort((a, b) => score(a) - score(b) || a.localeCompare(b)).slice(0, count);
}

export function builtLab(id: string): LabDefinition | undefined {
  return LABS.find((lab) => lab.id === id);
}

export function plannedLab(id: string): PlannedLab | undefined {
  return PLANNED_LABS.find((entry) => entry.id === id);
}

// Every id a user may type: the built labs, then the planned ones.
export function knownLabIds(): string[] {
  return [...LABS.map((lab) => lab.id), ...PLANNED_LABS.map((entry) => entry.id)];
}

// The built lab with this id, or a usage error that says whether it is unknown or not built yet.
export function resolveLab(id: string): LabDefinition {
  const lab = builtLab(id);
  if (lab) return lab;
  if (plannedLab(id)) {
    throw usageError(
      `Lab '${id}' is planned but not built yet, so it cannot run.`,
      `Built labs: ${LABS.map((l) => l.id).join(", ")} (see \`npm run lab list\`).`,
    );
  }
  const suggestions = nearestIds(id, knownLabIds());
  throw usageError(`Unknown lab '${id}'.`, `Did you mean: ${suggestions.join(", ")}? \`npm run lab list\` shows every lab.`);
}
