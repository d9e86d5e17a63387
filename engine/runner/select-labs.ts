// Which labs `all` runs (pure, no runner): `all --dry-run` reads it without loading the engine.

import { usageError } from "../../core/errors.js";
import type { LabDefinition } from "../lab-types.js";

// The labs `all` runs: registry order, filtered by --only/--skip; unknown ids are a usage error listing the valid ones.
export function selectLabs(labs: readonly LabDefinition[], only?: readonly string[], skip?: readonly string[]): LabDefinition[] {
  const ids = labs.map((lab) => lab.id);
  const unknown = [...(only ?? []), ...(skip ?? [])].filter((id) => !ids.includes(id));
  if (unknown.length > 0) {
    throw usageError(`Unknown lab id${unknown.length > 1 ? "s" : ""}: ${[...new Set(unknown)].join(", ")}.`, `Valid ids: ${ids.join(", ")}.`);
  }
  return labs.filter((lab) => (only === undefined || only.length === 0 || only.includes(lab.id)) && !(skip ?? []).includes(lab.id));
}
