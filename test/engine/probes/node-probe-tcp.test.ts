import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeProbe } from "../../../engine/probes/node-probe.js";
import { createCertStore, type LocalCertStore } from "../../../engine/certs/cert-store.js";
import { ProbeError, type Probe } from "../../../engine/probes/probe-types.js";
import { startEchoServer, type RunningServer } from "./helpers/local-servers.js";

const SNI = "simple-sni-1.istioinaction.io";

let dir: string;
let certs: LocalCertStore;
let plain: RunningServer;
let secure: RunningServer;
let probe: Probe;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "istio-lab-probe-tcp-"));
  certs = createCertStore(dir);
  plain = await startEchoServer();
  secure = await startEchoServer(await certs.issue("sni-1", SNI, "server"));
  probe = createNodeProbe({ certs, tcpTimings: { firstByteMs: 500, quietMs: 100 } });
});
afterAll(async () => {
  probe.close();
  await plain.stop();
  await secure.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("node probe over TCP", () => {
  it("reads the whole banner (several writes), then the echo of a sent line", async () => {
    const result = await probe.tcp({ port: plain.port, send: "hello istio!" });
    expect(result.banner).toBe("Welcome, you are connected to node test-node.\nRunning on Pod tcp-echo-test.\nIn namespace istioinaction.\n");
    expect(result.echo).toBe("hello istio!\n");
    expect(result.certificate).toBeUndefined();
  });

  it("reads only the banner when nothing is sent", async () => {
    const result = await probe.tcp({ port: plain.port });
    expect(result.banner).toMatch(/^Welcome, you are connected to node/);
    expect(result.echo).toBe("");
  });

  it("returns an empty banner from a server that says nothing first", async () => {
    const echo = createServer((socket) => socket.on("data", (chunk) => socket.write(chunk.toString().toUpperCase())));
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    try {
      const port = (echo.address() as { port: number }).port;
      const result = await probe.tcp({ port, send: "abc" });
      expect(result.banner).toBe("");
      expect(result.echo).toBe("ABC\n");
    } finally {
      echo.close();
    }
  });

  it("speaks TLS with SNI when asked and exposes the certificate", async () => {
    const result = await probe.tcp({ port: secure.port, send: "over tls", tls: { serverName: SNI, caName: "sni-1" } });
    expect(result.banner).toMatch(/^Welcome, you are connected to node/);
    expect(result.echo).toBe("over tls\n");
    expect(result.certificate?.subjectAltName).toBe(`DNS:${SNI}`);
    expect(result.certificate?.issuer).toContain("CN=sni-1 CA");
  });

  it("fails the TLS handshake without the CA", async () => {
    const error = await probe.tcp({ port: secure.port, tls: { serverName: SNI } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProbeError);
    expect((error as ProbeError).message).toContain(`TLS handshake with ${SNI} on 127.0.0.1:${secure.port} failed: certificate verification failed`);
  });

  it("says the connection was refused", async () => {
    const closed = await startEchoServer();
    await closed.stop();
    const error = await probe.tcp({ port: closed.port }).catch((caught: unknown) => caught);
    expect((error as ProbeError).code).toBe("ECONNREFUSED");
    expect((error as ProbeError).message).toContain("is the cluster up?");
  });

  it("times out when a sent line never comes back", async () => {
    const sink = createServer((socket) => socket.on("data", () => undefined));
    await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
    const port = (sink.address() as { port: number }).port;
    const quick = createNodeProbe({ certs, timeoutMs: 400, tcpTimings: { firstByteMs: 50, quietMs: 50 } });
    try {
      const error = await quick.tcp({ port, send: "anyone?" }).catch((caught: unknown) => caught);
      expect((error as ProbeError).code).toBe("ETIMEDOUT");
    } finally {
      quick.close();
      sink.close();
    }
  });
});
