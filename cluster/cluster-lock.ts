import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { environmentError } from "../core/errors.js";

/** Who holds a cluster's lock, as written in the lock file. */
export interface LockHolder {
  pid: number;
  command: string;
  since: string;
}

export interface ClusterLock {
  /** Synchronous, so it also runs on the way out of a signal handler. */
  release(): void;
}

export interface AcquireLockOptions {
  /** The folder of lock files (under the cache). */
  dir: string;
  context: string;
  /** What this run is, for the other run's message ("reset --context kind-myk8s"). */
  command: string;
  /** How long to wait for another run to finish before giving up. */
  waitMs: number;
  /** Called once when another live run holds the lock. */
  onWait: (holder: LockHolder) => void;
  signal?: AbortSignal;
}

const POLL_MS = 250;

// One lock file per context: a second run that would change the same cluster waits for the first (or gives
// up naming it); a lock left by a dead process is taken over.
export async function acquireClusterLock(options: AcquireLockOptions): Promise<ClusterLock> {
  await mkdir(options.dir, { recursive: true });
  const path = join(options.dir, `${options.context.replace(/[^A-Za-z0-9._-]/g, "_")}.lock`);
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    options.signal?.throwIfAborted();
    if (await tryCreate(path, options.command)) return { release: () => rmSync(path, { force: true }) };
    const holder = await readHolder(path);
    if (holder === null) continue;
    if (holder === undefined || !isAlive(holder.pid)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw lockBusyError(options.context, holder);
    if (!told) options.onWait(holder);
    told = true;
    await delay(POLL_MS, undefined, options.signal ? { signal: options.signal } : {});
  }
}

// Written whole to a temp file, then hard-linked into place: the lock never exists half-written.
async function tryCreate(path: string, command: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.tmp`;
  const holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  await writeFile(temp, JSON.stringify(holder) + "\n");
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

// The holder; undefined for a lock file that is empty or half-written (its writer died mid-way); null when the
// file was released between our attempt and this read.
async function readHolder(path: string): Promise<LockHolder | undefined | null> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<LockHolder>;
    return typeof parsed.pid === "number" ? { pid: parsed.pid, command: String(parsed.command ?? "?"), since: String(parsed.since ?? "?") } : undefined;
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    return undefined;
  }
}

// Signal 0 asks whether the process exists; EPERM means it exists under another user.
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

export function lockBusyError(context: string, holder: LockHolder): Error {
  return environmentError(`Another run is changing '${context}': PID ${holder.pid} (\`${holder.command}\`, since ${holder.since}).`, {
    hint: `Wait for it to finish, or stop it (kill ${holder.pid}); a lock left by a process that has died is taken over automatically.`,
  });
}
