// Polls until a condition holds, failing with the condition's last reason (and a process's log) at the deadline.

import { setTimeout as delay } from "node:timers/promises";
import { ClusterTwinError } from "./twin-error.js";
import type { TwinProcess } from "./twin-process.js";

/** One attempt: undefined when ready, else why not yet. */
export type ReadyProbe = () => Promise<string | undefined>;

export async function waitFor(what: string, probe: ReadyProbe, options: { timeoutMs: number; process?: TwinProcess; intervalMs?: number }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let reason = "not tried";
  while (Date.now() < deadline) {
    if (options.process !== undefined && !options.process.running()) {
      throw new ClusterTwinError(`${what}: ${options.process.name} ended (${await options.process.exited}):\n${options.process.tail()}`, { hint: `Read ${options.process.logFile}` });
    }
    reason = (await probe().catch((error: unknown) => (error as Error).message)) ?? "";
    if (reason === "") return;
    await delay(options.intervalMs ?? 250);
  }
  const log = options.process === undefined ? "" : `\n${options.process.tail()}`;
  throw new ClusterTwinError(`${what} not ready after ${options.timeoutMs / 1000} s: ${reason}${log}`, { hint: options.process ? `Read ${options.process.logFile}` : "Read the twin's logs" });
}
