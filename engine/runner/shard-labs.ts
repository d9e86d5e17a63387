// Splits the labs `all` runs into N shards balanced by stated duration, for N runners with a cluster each.

import { usageError } from "../../core/errors.js";
import type { LabDefinition } from "../lab-types.js";
import { labMinutes } from "./lab-minutes.js";

/** Which shard of how many (1-based, as typed: `--shard 2/4`). */
export interface ShardSpec {
  index: number;
  count: number;
}

/** One shard: its labs in registry order and their stated minutes in total. */
export interface Shard {
  index: number;
  labs: LabDefinition[];
  minutes: number;
}

const MAX_SHARDS = 64;

// `K/N` with 1 <= K <= N <= 64, else a usage error saying what was expected.
export function parseShard(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = [Number(match?.[1]), Number(match?.[2])];
  if (match === null || !(index >= 1 && index <= count && count <= MAX_SHARDS)) {
    throw usageError(`--shard must be K/N with 1 <= K <= N <= ${MAX_SHARDS}, not '${text}'.`, "For example: --shard 2/4 runs the second of four shards.");
  }
  return { index, count };
}

// Longest lab first onto the least-loaded shard (ties: registry order, lowest shard): deterministic, every lab
// in exactly one shard, and the fullest shard exceeds the emptiest by at most one lab's duration (the last lab
// put on the fullest shard went to the emptiest shard of that moment).
export function splitIntoShards(labs: readonly LabDefinition[], count: number, fast = false): Shard[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`shard count must be a whole number >= 1, got ${count}`);
  const order = new Map(labs.map((lab, position) => [lab.id, position]));
  const byDuration = [...labs].sort((a, b) => labMinutes(b, fast) - labMinutes(a, fast) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const shards: Shard[] = Array.from({ length: count }, (_, index) => ({ index: index + 1, labs: [], minutes: 0 }));
  for (const lab of byDuration) {
    const target = shards.reduce((least, shard) => (shard.minutes < least.minutes ? shard : least));
    target.labs.push(lab);
    target.minutes += labMinutes(lab, fast);
  }
  for (const shard of shards) shard.labs.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return shards;
}

// The shard's line for `all --dry-run`: how many labs, the minutes, and which.
export function formatShard(shard: Shard, count: number): string {
  return `Shard ${shard.index}/${count}: ${shard.labs.length} labs, ~${shard.minutes} min of labs: ${shard.labs.map((lab) => lab.id).join(", ")}`;
}
