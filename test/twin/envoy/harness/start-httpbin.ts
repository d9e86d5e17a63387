// httpbin (PyPI, the twin's virtualenv) on 127.0.0.1 at a port the kernel picks, served threaded by werkzeug.

import { findTwinPython } from "./find-envoy.js";
import { spawnTwinChild, type TwinChild } from "./child-process.js";
import { TwinError } from "./twin-error.js";

/** A running httpbin and its port. */
export interface RunningHttpbin {
  port: number;
  stop(): Promise<void>;
}

// Binds port 0 itself and prints the port, so parallel runs never race for one.
const SERVE_HTTPBIN = [
  "import sys",
  "from werkzeug.serving import make_server",
  "from httpbin import app",
  "server = make_server('127.0.0.1', 0, app, threaded=True)",
  "print('PORT', server.port, flush=True)",
  "server.serve_forever()",
].join("\n");

// Starts httpbin and resolves once it listens.
export async function startHttpbin(options: { timeoutMs?: number } = {}): Promise<RunningHttpbin> {
  const child = spawnTwinChild(findTwinPython(), ["-c", SERVE_HTTPBIN]);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(failure(child, "did not announce its port in time")), options.timeoutMs ?? 20_000);
    child.onLine((line) => {
      const match = /^PORT (\d+)$/.exec(line.trim());
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(Number(match[1]));
    });
    void child.exited.then((how) => {
      clearTimeout(timer);
      reject(failure(child, `ended (${how})`));
    });
  }).catch(async (error: unknown) => {
    await child.stop();
    throw error;
  });
  return { port, stop: () => child.stop() };
}

function failure(child: TwinChild, what: string): TwinError {
  return new TwinError(`httpbin ${what}:\n${child.output()}`, { hint: "check the twin virtualenv with .ci/setup-envoy.sh" });
}
