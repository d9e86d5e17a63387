// A real Envoy on loopback with a given bootstrap: admin and listeners on ports the kernel picks, ready when
// its admin /ready says LIVE; the listeners' actual ports are read back from the admin API.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findEnvoy } from "./find-envoy.js";
import { spawnTwinChild, type TwinChild } from "./child-process.js";
import { TwinError } from "./twin-error.js";

/** An Envoy bootstrap (v3), as JSON. */
export type EnvoyBootstrap = Record<string, unknown>;

/** A running Envoy: its admin port and each listener's port by listener name. */
export interface RunningEnvoy {
  adminPort: number;
  listenerPorts: ReadonlyMap<string, number>;
  /** The tail of what Envoy printed (its own log and the access logs it writes to /dev/stdout). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartEnvoyOptions {
  envoy?: string;
  timeoutMs?: number;
  logLevel?: string;
}

/** A socket address on 127.0.0.1 at a port the kernel picks. */
export function loopbackAddress(): { socket_address: { address: string; port_value: number } } {
  return { socket_address: { address: "127.0.0.1", port_value: 0 } };
}

const POLL_MS = 50;

// Starts Envoy and resolves once it serves; a bootstrap Envoy rejects ends in a TwinError with its own words.
export async function startEnvoy(bootstrap: EnvoyBootstrap, options: StartEnvoyOptions = {}): Promise<RunningEnvoy> {
  const dir = mkdtempSync(join(tmpdir(), "twin-envoy-"));
  const configPath = join(dir, "bootstrap.json");
  const adminPath = join(dir, "admin-address");
  writeFileSync(configPath, JSON.stringify({ ...bootstrap, admin: { address: loopbackAddress() } }, null, 2));
  const child = spawnTwinChild(options.envoy ?? findEnvoy(), [
    "-c", configPath, "--admin-address-path", adminPath,
    // Several Envoys run at once: no shared memory for hot restart, one worker each (2 shared cores).
    "--disable-hot-restart", "--concurrency", "1", "--log-level", options.logLevel ?? "warn",
  ], join(dir, "envoy.log"));
  const stop = async (): Promise<void> => {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    const adminPort = await waitForAdmin(child, adminPath, deadline);
    await waitForReady(child, adminPort, deadline);
    const listenerPorts = await readListenerPorts(adminPort);
    return { adminPort, listenerPorts, output: () => child.output(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// Throws when Envoy has exited (a rejected bootstrap) or the deadline passed.
async function checkAlive(child: TwinChild, deadline: number, what: string): Promise<void> {
  const ended = await Promise.race([child.exited, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), POLL_MS))]);
  if (ended !== undefined) throw new TwinError(`Envoy ended (${ended}) before ${what}:\n${child.output()}`, { hint: "Envoy's own message above names the field or extension it rejected" });
  if (Date.now() > deadline) throw new TwinError(`Envoy did not reach ${what} in time:\n${child.output()}`);
}

async function waitForAdmin(child: TwinChild, adminPath: string, deadline: number): Promise<number> {
  for (;;) {
    try {
      const match = /:(\d+)\s*$/.exec(readFileSync(adminPath, "utf8"));
      if (match?.[1] !== undefined) return Number(match[1]);
    } catch {
      // Not written yet.
    }
    await checkAlive(child, deadline, "its admin address");
  }
}

async function waitForReady(child: TwinChild, adminPort: number, deadline: number): Promise<void> {
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${adminPort}/ready`).catch(() => undefined);
    if (response !== undefined && response.status === 200 && (await response.text()).trim() === "LIVE") return;
    await checkAlive(child, deadline, "LIVE on /ready");
  }
}

interface ListenerStatus {
  name: string;
  local_address?: { socket_address?: { port_value?: number } };
}

async function readListenerPorts(adminPort: number): Promise<Map<string, number>> {
  const response = await fetch(`http://127.0.0.1:${adminPort}/listeners?format=json`);
  const body = (await response.json()) as { listener_statuses?: ListenerStatus[] };
  const ports = new Map<string, number>();
  for (const status of body.listener_statuses ?? []) {
    const port = status.local_address?.socket_address?.port_value;
    if (port !== undefined) ports.set(status.name, port);
  }
  return ports;
}
