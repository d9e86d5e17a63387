// Bench: 100 sequential requests through the Node probe (keep-alive) against the study notes' loop of
// 100 `curl` processes, both to the same 127.0.0.1 server. Called from scripts/bench.ts.

import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createCertStore } from "../engine/certs/cert-store.js";
import { createNodeProbe } from "../engine/probes/node-probe.js";

const HOST = "webapp.istioinaction.io";
const CATALOG = JSON.stringify([{ id: 1, color: "amber", department: "Eyewear", name: "Elinor Glasses", price: "282.00", imageUrl: "http://lorempixel.com/640/480" }]);

// Wall time of `requests` sequential probe requests vs `requests` sequential curl processes; ratio = curl/probe.
export async function benchProbeVsCurl(requests = 100): Promise<{ probeMs: number; curlMs: number; ratio: number }> {
  const server = createServer((request, response) => {
    response.statusCode = request.headers.host === HOST ? 200 : 404;
    response.setHeader("content-type", "application/json");
    response.end(response.statusCode === 200 ? CATALOG : "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const probe = createNodeProbe({ certs: createCertStore(join(tmpdir(), "istio-lab-bench-certs")) });
  const run = promisify(execFile);
  const curlArgs = ["-s", "-H", `Host: ${HOST}`, `http://127.0.0.1:${port}/api/catalog`];
  try {
    // One warm-up each, so neither side pays first-use costs inside the measurement.
    await probe.http({ port, path: "/api/catalog", host: HOST });
    await run("curl", curlArgs);

    let start = performance.now();
    for (let i = 0; i < requests; i += 1) {
      const result = await probe.http({ port, path: "/api/catalog", host: HOST });
      if (result.status !== 200) throw new Error(`probe got status ${result.status}`);
    }
    const probeMs = performance.now() - start;

    start = performance.now();
    for (let i = 0; i < requests; i += 1) {
      const { stdout } = await run("curl", curlArgs);
      if (!stdout.includes("imageUrl")) throw new Error("curl got an unexpected body");
    }
    const curlMs = performance.now() - start;
    return { probeMs, curlMs, ratio: curlMs / probeMs };
  } finally {
    probe.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
