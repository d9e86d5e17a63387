// Lab assertions once guarded only by the dry-run snapshot (a text change), now run against worlds that are
// wrong on purpose: each must fail there, and pass in the matching right world (the control).

import { mkdtemp, rm } from "node:fs/promises";
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer as createTlsServer } from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../../core/kube.js";
import { createCertStore, type LocalCertStore } from "../../engine/certs/cert-store.js";
import type { CheckOutcome } from "../../engine/check-outcome.js";
import { judgeCertificate } from "../../engine/checks/certificate-expectation.js";
import { runCheck } from "../../engine/execute/run-check.js";
import type { Check } from "../../engine/lab-types.js";
import type { LabContext } from "../../engine/lab-context.js";
import { createNodeProbe } from "../../engine/probes/node-probe.js";
import { TLS_PORT } from "../../labs/shared/traffic.js";
import { FakeKube } from "../fakes/fake-kube.js";
import { createTestContext, createTestState } from "../engine/execute/helpers/test-context.js";
import { findLabCheck } from "./helpers/lab-checks.js";
import { closedLocalPort, remapPorts } from "./helpers/port-remap-probe.js";

let dir: string;
let certs: LocalCertStore;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wrong-worlds-"));
  certs = createCertStore(dir);
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function listen(server: TcpServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

// A context over a fake Kube, the real cert store, and a probe sending the TLS/TCP host port to `port`.
async function contextFor(options: { port?: number; kube?: FakeKube }): Promise<LabContext> {
  const base = createTestContext(options.kube === undefined ? {} : { kube: options.kube });
  base.ctx.probe.close();
  const closed = await closedLocalPort();
  const probe = remapPorts(createNodeProbe({ certs, timeoutMs: 2_000 }), new Map([[TLS_PORT, options.port ?? closed]]), closed);
  closers.push(async () => probe.close());
  return { ...base.ctx, certs, probe };
}

async function runOnce(check: Check, ctx: LabContext, egress?: boolean): Promise<CheckOutcome> {
  const state = createTestState();
  if (egress !== undefined) state.egress = egress;
  return runCheck({ ...check, timeoutMs: 3_000, intervalMs: 50 }, ctx, state, { stepStartedAt: new Date(Date.now() - 1_000), singleAttempt: true });
}

// tcp-echo: the banner, then every line echoed (or, wrong, answered with something else).
function echoServer(reply: (line: string) => string): TcpServer {
  return createTcpServer((socket: Socket) => {
    socket.on("error", () => undefined);
    socket.write("Welcome, you are connected to node kind-control-plane.\nRunning on Pod tcp-echo.\nIn namespace istioinaction.\n");
    socket.on("data", (chunk) => socket.write(reply(chunk.toString())));
  });
}

describe("ch4-tcp: the echo is checked, not only the banner", () => {
  const entry = () => findLabCheck("ch4-tcp", 2, "port 30006 greets with the tcp-echo banner and echoes a line");

  it("fails when the server greets but does not echo the line", async () => {
    const ctx = await contextFor({ port: await listen(echoServer(() => "nope\n")) });
    const outcome = await runOnce(entry().check, ctx);
    expect(outcome.status, outcome.seen).toBe("failed");
  });

  it("control: passes against a real echo", async () => {
    const ctx = await contextFor({ port: await listen(echoServer((line) => line)) });
    expect((await runOnce(entry().check, ctx)).status).toBe("passed");
  });
});

describe("ch4-sni-passthrough: each service presents its OWN certificate (issuer included)", () => {
  const entry = () => findLabCheck("ch4-sni-passthrough", 3, "SNI simple-sni-1.istioinaction.io reaches simple-tls-service-1 and sees its own certificate");
  const HOST = "simple-sni-1.istioinaction.io";

  // simple-tls-service-1 answering TLS itself with a certificate for its name from CA `caName`.
  async function serviceWithCertFrom(caName: string): Promise<number> {
    const identity = await certs.issue(caName, HOST, "server");
    const server = createTlsServer({ cert: identity.certPem, key: identity.keyPem }, (socket) => {
      socket.on("error", () => undefined);
      socket.once("data", () => socket.end("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nHello from simple-tls-service-1!!!\n"));
    });
    return listen(server);
  }

  it("fails when the name's certificate was issued by another CA (the SAN alone matches)", async () => {
    // The client trusts both CAs here, so only the issuer check can tell the certificates apart.
    const ctx = await contextFor({ port: await serviceWithCertFrom("simple-sni-2") });
    const check = entry().check;
    if (check.kind !== "http" || check.request.tls === undefined) throw new Error("expected an HTTPS check");
    const trustingBoth = { ...check, request: { ...check.request, tls: { ...check.request.tls, caName: "simple-sni-2" } } };
    const outcome = await runOnce(trustingBoth, ctx);
    expect(outcome.status, outcome.seen).toBe("failed");
    expect(outcome.seen).toContain("expected a certificate issued by CA simple-sni-1");
  });

  it("control: passes with the certificate from its own CA", async () => {
    const ctx = await contextFor({ port: await serviceWithCertFrom("simple-sni-1") });
    const outcome = await runOnce(entry().check, ctx);
    expect(outcome.status, outcome.seen).toBe("passed");
  });

  it("a response without a certificate never meets a certificate expectation", () => {
    const check = entry().check;
    if (check.kind !== "http" || check.expect.certificate === undefined) throw new Error("expected a certificate expectation");
    expect(judgeCertificate(check.expect.certificate, undefined, "CN=simple-sni-1")).toBe("the server presented no certificate");
  });
});

describe("ch4-access-logs: the gateway's silence is checked on its log", () => {
  const entry = () => findLabCheck("ch4-access-logs", 3, "the gateway's log has no request line for them");
  const line = (): string => `[${new Date().toISOString()}] "GET /api/catalog HTTP/1.1" 200 - via_upstream - "-" 0 357 12 11 "172.18.0.1" "curl/8.0" "id" "webapp.istioinaction.io" "10.10.0.12:8080" outbound|80||webapp.istioinaction.svc.cluster.local`;

  function gatewayKube(log: string): FakeKube {
    const kube = new FakeKube({ logs: () => log });
    const labels = { app: "istio-ingressgateway" };
    kube.put({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "istio-ingressgateway", namespace: "istio-system" }, spec: { selector: { matchLabels: labels } } });
    kube.put({ apiVersion: "v1", kind: "Pod", metadata: { name: "istio-ingressgateway-1", namespace: "istio-system", labels } });
    return kube;
  }

  it("fails when the gateway still logs the request line", async () => {
    expect((await runOnce(entry().check, await contextFor({ kube: gatewayKube(line()) }))).status).toBe("failed");
  });

  it("control: passes on a quiet gateway log", async () => {
    expect((await runOnce(entry().check, await contextFor({ kube: gatewayKube("2025-04-19T09:55:34.851Z info envoy upstream ...") }))).status).toBe("passed");
  });
});

describe("ch5-registry-only: 'blocked' means the download failed", () => {
  const entry = () => findLabCheck("ch5-registry-only", 3, "the same download is now blocked");

  function webappKube(answer: string): FakeKube {
    const kube = new FakeKube({ exec: () => ({ stdout: `${answer}\n`, stderr: "", exitCode: 0 }) });
    const labels = { app: "webapp" };
    kube.put({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "webapp", namespace: "istioinaction" }, spec: { selector: { matchLabels: labels } } });
    kube.put({ apiVersion: "v1", kind: "Pod", metadata: { name: "webapp-1", namespace: "istioinaction", labels }, status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } });
    return kube;
  }

  it("fails when webapp still reaches the internet", async () => {
    expect((await runOnce(entry().check, await contextFor({ kube: webappKube("reachable") }), true)).status).toBe("failed");
  });

  it("control: passes when the download is blocked", async () => {
    expect((await runOnce(entry().check, await contextFor({ kube: webappKube("blocked") }), true)).status).toBe("passed");
  });

  it("is skipped, never passed, without egress", async () => {
    expect((await runOnce(entry().check, await contextFor({ kube: webappKube("blocked") }), false)).status).toBe("skipped");
  });
});

describe("the canary labs' sequences", () => {
  const CANARY = { apiVersion: "flagger.app/v1beta1", kind: "Canary", name: "catalog-release", namespace: "istioinaction" };
  const canary = (phase: string, weight: number): KubeObject => ({ apiVersion: CANARY.apiVersion, kind: CANARY.kind, metadata: { name: CANARY.name, namespace: CANARY.namespace }, status: { phase, canaryWeight: weight } });

  async function play(kube: FakeKube, states: Array<[string, number]>): Promise<void> {
    while (kube.watcherCount() === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    for (const [phase, weight] of states) {
      kube.put(canary(phase, weight));
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  }

  async function watch(check: Check, states: Array<[string, number]>): Promise<CheckOutcome> {
    const kube = new FakeKube();
    kube.put(canary("Initialized", 0));
    const ctx = await contextFor({ kube });
    const [outcome] = await Promise.all([runCheck({ ...check, timeoutMs: 3_000 }, ctx, createTestState(), { stepStartedAt: new Date() }), play(kube, states)]);
    return outcome;
  }

  it("ch5-canary fails as soon as the canary fails (failOn), even mid-progression", async () => {
    const entry = findLabCheck("ch5-canary", 3, "the Canary goes 10, 20, 30, 40, 50, then Promoting, Finalising, Succeeded");
    const outcome = await watch(entry.check, [["Progressing", 10], ["Progressing", 20], ["Failed", 0]]);
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain("Failed 0");
    expect(outcome.durationMs).toBeLessThan(2_000);
  });

  it("ch5-canary-rollback fails when the broken release is promoted instead of rolled back", async () => {
    const entry = findLabCheck("ch5-canary-rollback", 3, "the Canary ends Failed without being promoted");
    const outcome = await watch(entry.check, [["Progressing", 10], ["Progressing", 50], ["Promoting", 0], ["Succeeded", 0]]);
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toMatch(/Promoting 0|Succeeded 0/);
  });

  it("control: ch5-canary-rollback passes when the canary ends Failed", async () => {
    const entry = findLabCheck("ch5-canary-rollback", 3, "the Canary ends Failed without being promoted");
    expect((await watch(entry.check, [["Progressing", 10], ["Progressing", 10], ["Failed", 0]])).status).toBe("passed");
  });

  it("ch5-canary-rollback's Flagger log check wants the threshold of 5 failed checks", async () => {
    const entry = findLabCheck("ch5-canary-rollback", 3, "Flagger halted it for the success rate and rolled back after 5 failed checks");
    const flaggerKube = (lines: string[]): FakeKube => {
      const kube = new FakeKube({ logs: () => lines.join("\n") });
      const labels = { app: "flagger" };
      kube.put({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "flagger", namespace: "istio-system" }, spec: { selector: { matchLabels: labels } } });
      kube.put({ apiVersion: "v1", kind: "Pod", metadata: { name: "flagger-1", namespace: "istio-system", labels } });
      return kube;
    };
    const ts = new Date().toISOString();
    const halt = `{"level":"info","ts":"${ts}","msg":"Halt catalog-release.istioinaction advancement success rate 54.21% < 99%"}`;
    const rollback = (n: number) => `{"level":"info","ts":"${ts}","msg":"Rolling back catalog-release.istioinaction failed checks threshold reached ${n}"}`;
    expect((await runOnce(entry.check, await contextFor({ kube: flaggerKube([halt, rollback(5)]) }))).status).toBe("passed");
    expect((await runOnce(entry.check, await contextFor({ kube: flaggerKube([halt, rollback(2)]) }))).status).toBe("failed");
    expect((await runOnce(entry.check, await contextFor({ kube: flaggerKube([halt]) }))).status).toBe("failed");
  });
});
