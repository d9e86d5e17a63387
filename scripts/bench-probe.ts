// Bench: the same `requests` GETs to one 127.0.0.1 server (its own process), done by the Node probe (sequential, and at the
// weighted checks' concurrency), by one keep-alive `curl` given every URL, and by the seed's loop of one
// `curl` process per request. Rounds are interleaved; ratios are per round. Called from scripts/bench.ts.

import { execFile, spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createCertStore } from "../engine/certs/cert-store.js";
import { runConcurrently } from "../engine/checks/run-concurrently.js";
import { WEIGHTED_CONCURRENCY } from "../engine/execute/checks/weighted-check.js";
import { createNodeProbe } from "../engine/probes/node-probe.js";
import { timeInterleaved, type InterleavedResult } from "./bench/interleave.js";

const HOST = "webapp.istioinaction.io";
const CATALOG = JSON.stringify([{ id: 1, color: "amber", department: "Eyewear", name: "Elinor Glasses", price: "282.00", imageUrl: "http://lorempixel.com/640/480" }]);

/** The baseline is the keep-alive curl: ratio < 1 means faster than one curl doing the same requests. */
export interface ProbeBench {
  requests: number;
  curlKeepAliveMs: number;
  results: InterleavedResult[];
}

// The catalog server in a process of its own, so the probe and curl face the same server and neither shares its event loop.
async function startServerProcess(): Promise<{ port: number; child: ChildProcess }> {
  const source = `
    const { createServer } = require("node:http");
    const body = ${JSON.stringify(CATALOG)};
    const server = createServer((request, response) => {
      response.statusCode = request.headers.host === ${JSON.stringify(HOST)} ? 200 : 404;
      response.setHeader("content-type", "application/json");
      response.end(response.statusCode === 200 ? body : "");
    });
    server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));`;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.stdout?.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  return { port, child };
}

// Times each way of sending `requests` requests over `rounds` interleaved rounds.
export async function benchProbeVsCurl(requests = 200, rounds = 7): Promise<ProbeBench> {
  const server = await startServerProcess();
  const port = server.port;
  const url = `http://127.0.0.1:${port}/api/catalog`;
  const probe = createNodeProbe({ certs: createCertStore(join(tmpdir(), "istio-lab-bench-certs")) });
  const run = promisify(execFile);
  const spec = { port, path: "/api/catalog", host: HOST };
  const probeOnce = async (): Promise<void> => {
    const result = await probe.http(spec);
    if (result.status !== 200) throw new Error(`probe got status ${result.status}`);
  };
  try {
    const { baselineMs, results } = await timeInterleaved(
      {
        label: "one keep-alive curl, every URL",
        run: async () => {
          const { stdout } = await run("curl", ["-s", "-H", `Host: ${HOST}`, ...Array.from({ length: requests }, () => url)], { maxBuffer: 64 * 1024 * 1024 });
          if (stdout.split("imageUrl").length - 1 !== requests) throw new Error("curl got unexpected bodies");
        },
      },
      [
        {
          label: "node probe, one at a time",
          run: async () => {
            for (let i = 0; i < requests; i++) await probeOnce();
          },
        },
        { label: `node probe, ${WEIGHTED_CONCURRENCY} in flight`, run: async () => void (await runConcurrently(requests, WEIGHTED_CONCURRENCY, probeOnce)) },
        {
          label: "seed loop: one curl per request",
          run: async () => {
            for (let i = 0; i < requests; i++) {
              const { stdout } = await run("curl", ["-s", "-H", `Host: ${HOST}`, url]);
              if (!stdout.includes("imageUrl")) throw new Error("curl got an unexpected body");
            }
          },
        },
      ],
      rounds,
    );
    return { requests, curlKeepAliveMs: baselineMs, results };
  } finally {
    probe.close();
    server.child.kill();
  }
}
