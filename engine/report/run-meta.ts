/** What the report knows about the run itself (summary schema 2); every field is optional. */
export interface RunMeta {
  /** `K/N` when the run was one shard of a split nightly. */
  shard?: string;
  /** The commit the labs ran from. */
  commit?: string;
  /** When the summary was written (ISO 8601). */
  generatedAt?: string;
  /** The run ended before its labs ran to the end (no Docker, Ctrl-C): why, and what to do. */
  endedEarly?: { reason: string; hint?: string };
}
