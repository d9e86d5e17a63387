// Interleaved timing for a loaded machine: each round runs the baseline and every candidate once, in turn
// (A B C A B C ...), so slow spells hit all of them alike; each candidate's ratio is the median of its
// per-round ratios to the baseline of the same round.

/** One thing to time; `run` does the work once. */
export interface Timed {
  label: string;
  run: () => Promise<void> | void;
}

/** A candidate's median time and its median per-round ratio to the baseline. */
export interface InterleavedResult {
  label: string;
  medianMs: number;
  ratio: number;
}

// The median of a non-empty list.
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

// Times `rounds` rounds of baseline then candidates (after one untimed warm-up round).
export async function timeInterleaved(baseline: Timed, candidates: readonly Timed[], rounds: number): Promise<{ baselineMs: number; results: InterleavedResult[] }> {
  const all = [baseline, ...candidates];
  for (const item of all) await item.run();
  const times = all.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [index, item] of all.entries()) {
      const started = performance.now();
      await item.run();
      times[index]?.push(performance.now() - started);
    }
  }
  const baselineTimes = times[0] ?? [];
  const results = candidates.map((candidate, index) => {
    const own = times[index + 1] ?? [];
    return { label: candidate.label, medianMs: median(own), ratio: median(own.map((ms, round) => ms / (baselineTimes[round] ?? NaN))) };
  });
  return { baselineMs: median(baselineTimes), results };
}
