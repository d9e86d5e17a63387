// Runs the istiod twin on one request: writes the request, starts the binary with istiod's environment,
// reads back per proxy what `istioctl proxy-config routes|clusters|listeners -o json` would print.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Exec } from "../../../core/exec.js";
import { failedError } from "../../../core/errors.js";
import type { TwinInvocation } from "../state/twin-request.js";

/** The three outputs of one proxy, as printed JSON text. */
export interface ProxyOutputs {
  routes: string;
  clusters: string;
  listeners: string;
}

/** istiod's start-up and generation for a handful of proxies; generous for a loaded 2-core machine. */
const RUN_TIMEOUT_MS = 180_000;

export const PROXY_RESOURCES = ["routes", "clusters", "listeners"] as const;

// Per proxy file name, what istiod generated for that proxy in this state.
export async function runIstiodTwin(exec: Exec, binary: string, invocation: TwinInvocation): Promise<Map<string, ProxyOutputs>> {
  const dir = await mkdtemp(join(tmpdir(), "istiod-twin-"));
  try {
    const requestPath = join(dir, "request.json");
    const outDir = join(dir, "out");
    await writeFile(requestPath, JSON.stringify(invocation.request), "utf8");
    const result = await exec(binary, [requestPath, outDir], { env: invocation.env, allowFailure: true, timeoutMs: RUN_TIMEOUT_MS });
    if (result.exitCode !== 0) {
      throw failedError(`istiod-twin exited with ${result.exitCode}: ${result.stderr.split("\n").slice(-10).join("\n")}`, {
        hint: `istiod's own log: ${result.stdout.split("\n").slice(-15).join("\n")}`,
      });
    }
    const outputs = new Map<string, ProxyOutputs>();
    for (const proxy of invocation.request.proxies) {
      const read = (resource: string) => readFile(join(outDir, `${proxy.name}.${resource}.json`), "utf8");
      outputs.set(proxy.name, { routes: await read("routes"), clusters: await read("clusters"), listeners: await read("listeners") });
    }
    return outputs;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
