import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeProbe } from "../../../engine/probes/node-probe.js";
import { createCertStore, type LocalCertStore } from "../../../engine/certs/cert-store.js";
import { ProbeError, type Probe } from "../../../engine/probes/probe-types.js";
import { HOST_BODIES, startHostRoutingServer, type RunningServer } from "./helpers/local-servers.js";

let dir: string;
let certs: LocalCertStore;
let server: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "istio-lab-probe-http-"));
  certs = createCertStore(dir);
  server = await startHostRoutingServer();
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

// A probe closed after the test body, whatever happens.
async function withProbe<T>(use: (probe: Probe) => Promise<T>, timeoutMs?: number): Promise<T> {
  const probe = createNodeProbe({ certs, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  try {
    return await use(probe);
  } finally {
    probe.close();
  }
}

describe("node probe over HTTP", () => {
  it("routes by Host header: each host gets its own body, unknown hosts 404", async () => {
    await withProbe(async (probe) => {
      const webapp = await probe.http({ port: server.port, path: "/", host: "webapp.istioinaction.io" });
      const catalog = await probe.http({ port: server.port, path: "/api/catalog", host: "catalog.istioinaction.io" });
      const unknown = await probe.http({ port: server.port, path: "/", host: "nobody.istioinaction.io" });
      expect(webapp.status).toBe(200);
      expect(webapp.body).toBe(HOST_BODIES["webapp.istioinaction.io"]);
      expect(catalog.body).toContain("imageUrl");
      expect(catalog.headers["x-seen-host"]).toBe("catalog.istioinaction.io");
      expect(unknown.status).toBe(404);
      expect(webapp.certificate).toBeUndefined();
    });
  });

  it("sends method, headers and body; joins repeated response headers", async () => {
    await withProbe(async (probe) => {
      const result = await probe.http({
        port: server.port,
        path: "api/catalog",
        host: "webapp.istioinaction.io",
        method: "put",
        headers: { "x-custom": "yes" },
        body: '{"a":1}',
      });
      expect(result.headers["x-seen-method"]).toBe("PUT");
      expect(result.headers["x-seen-custom"]).toBe("yes");
      expect(result.headers["x-seen-body"]).toBe('{"a":1}');
      expect(result.headers["set-cookie"]).toBe("a=1, b=2");
      expect(result.headers["content-type"]).toBe("text/plain");
    });
  });

  it("defaults to POST when there is a body", async () => {
    await withProbe(async (probe) => {
      const result = await probe.http({ port: server.port, path: "/", host: "webapp.istioinaction.io", body: "x" });
      expect(result.headers["x-seen-method"]).toBe("POST");
    });
  });

  it("reuses one socket for several requests and releases it on close()", async () => {
    const before = server.connections();
    await withProbe(async (probe) => {
      for (let i = 0; i < 5; i += 1) {
        const result = await probe.http({ port: server.port, path: "/", host: "webapp.istioinaction.io" });
        expect(result.status).toBe(200);
      }
    });
    expect(server.connections() - before).toBe(1);
  });

  it("says the connection was refused and how to check the cluster", async () => {
    const closed = await startHostRoutingServer();
    const port = closed.port;
    await closed.stop();
    const error = await withProbe((probe) => probe.http({ port, path: "/" })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProbeError);
    expect((error as ProbeError).code).toBe("ECONNREFUSED");
    expect((error as ProbeError).message).toBe(`connection refused on 127.0.0.1:${port} — is the cluster up? (\`npm run lab status\`)`);
  });

  it("times out on a server that never answers, and honours an AbortSignal", async () => {
    const { createServer } = await import("node:net");
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const timedOut = await withProbe((probe) => probe.http({ port, path: "/" }), 300).catch((caught: unknown) => caught);
      expect(timedOut).toBeInstanceOf(ProbeError);
      expect((timedOut as ProbeError).code).toBe("ETIMEDOUT");
      expect((timedOut as ProbeError).message).toContain("within 300 ms");
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      const aborted = await withProbe((probe) => probe.http({ port, path: "/" }, controller.signal)).catch((caught: unknown) => caught);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect((aborted as ProbeError).code).toBe("ABORT_ERR");
    } finally {
      silent.close();
    }
  });
});

describe("node probe keep-alive recovery", () => {
  it("retries once on a new socket when the server dropped a kept-alive one", async () => {
    const { createServer } = await import("node:net");
    let connections = 0;
    // Answers the first request of each connection, resets the connection on the second.
    const server = createServer((socket) => {
      connections += 1;
      let requests = 0;
      socket.on("data", () => {
        requests += 1;
        if (requests === 1) socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok");
        else socket.resetAndDestroy();
      });
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      await withProbe(async (probe) => {
        expect((await probe.http({ port, path: "/" })).body).toBe("ok");
        expect((await probe.http({ port, path: "/" })).body).toBe("ok");
      });
      expect(connections).toBe(2);
    } finally {
      server.close();
    }
  });
});

describe("node probe: a connection that breaks", () => {
  async function breakingServer(afterHeaders: boolean): Promise<{ port: number; close: () => Promise<void> }> {
    const { createServer } = await import("node:http");
    const raw = createServer((request, response) => {
      if (afterHeaders) {
        response.writeHead(200, { "content-length": "100" });
        response.write("partial");
        setTimeout(() => request.socket.destroy(), 10);
        return;
      }
      request.socket.destroy();
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    const port = (raw.address() as { port: number }).port;
    return { port, close: () => new Promise<void>((resolve) => raw.close(() => resolve())) };
  }

  it.each([
    ["before any response byte: a transport failure (may be re-sent)", false, true],
    ["after the response began: an answer that broke (never re-sent)", true, false],
  ])("%s", async (_name, afterHeaders, beforeResponse) => {
    const broken = await breakingServer(afterHeaders);
    try {
      const error = await withProbe((probe) => probe.http({ port: broken.port, path: "/" }).then(() => undefined, (caught: unknown) => caught));
      expect(error).toBeInstanceOf(ProbeError);
      expect((error as ProbeError).beforeResponse).toBe(beforeResponse);
    } finally {
      await broken.close();
    }
  });
});
