// A lab's stated duration ("~3 min", "~9 min (--fast ~4 min)") as minutes, for shard balancing and estimates.

import type { LabDefinition } from "../lab-types.js";

// Minutes the lab states for a normal run, or for --fast when it states one.
export function labMinutes(lab: Pick<LabDefinition, "id" | "duration">, fast = false): number {
  const fastMatch = fast ? /--fast ~(\d+(?:\.\d+)?) min/.exec(lab.duration) : null;
  const match = fastMatch ?? /~(\d+(?:\.\d+)?) min/.exec(lab.duration);
  if (match?.[1] === undefined) throw new RangeError(`lab ${lab.id}: duration "${lab.duration}" does not start with "~<minutes> min"`);
  return Number(match[1]);
}
