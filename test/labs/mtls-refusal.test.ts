// ch4-mtls's refusal checks accept only what the handshake shows: a TLS alert by which the server refuses
// or demands a client certificate. A server that asks for no certificate and just drops connections must
// fail both; a server that demands one (alert 116, certificate required) passes the no-certificate check.

import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCertStore, type LocalCertStore } from "../../engine/certs/cert-store.js";
import { runCheck } from "../../engine/execute/run-check.js";
import { toProbeError } from "../../engine/probes/probe-failure.js";
import { createNodeProbe } from "../../engine/probes/node-probe.js";
import { evaluateMatcher } from "../../engine/checks/matchers.js";
import { HTTPS_PORT, WEBAPP_CA } from "../../labs/shared/tls-traffic.js";
import { WEBAPP_HOST } from "../../labs/shared/traffic.js";
import { createTestContext, createTestState } from "../engine/execute/helpers/test-context.js";
import { findLabCheck } from "./helpers/lab-checks.js";
import { closedLocalPort, remapPorts } from "./helpers/port-remap-probe.js";

const NO_CERT = () => findLabCheck("ch4-mtls", 3, "without a client certificate the gateway ends the handshake");
const FOREIGN = () => findLabCheck("ch4-mtls", 3, "a client certificate from another CA is refused too");

let dir: string;
let certs: LocalCertStore;
const servers: Server[] = [];

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

// The lab's check, sent to `port` instead of 30005, once.
async function runAgainst(check: ReturnType<typeof NO_CERT>["check"], port: number) {
  const base = createTestContext();
  base.ctx.probe.close();
  const probe = remapPorts(createNodeProbe({ certs, timeoutMs: 2_000 }), new Map([[HTTPS_PORT, port]]), await closedLocalPort());
  try {
    return await runCheck(check, { ...base.ctx, certs, probe }, createTestState(), { stepStartedAt: new Date(), singleAttempt: true });
  } finally {
    probe.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mtls-refusal-"));
  certs = createCertStore(dir);
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

describe("ch4-mtls refusal checks", () => {
  it("both fail against a server that asks for no client certificate and just drops connections", async () => {
    const identity = await certs.issue(WEBAPP_CA, WEBAPP_HOST, "server");
    const dropper = createServer({ cert: identity.certPem, key: identity.keyPem }, () => undefined);
    dropper.on("secureConnection", (socket) => socket.destroy());
    const port = await listen(dropper);
    for (const entry of [NO_CERT(), FOREIGN()]) {
      const outcome = await runAgainst(entry.check, port);
      expect(outcome.status, `${entry.check.title}: ${outcome.seen}`).toBe("failed");
      expect(outcome.seen).toContain("no TLS alert");
    }
  });

  it("the no-certificate check passes when the server demands a certificate (alert certificate required)", async () => {
    const identity = await certs.issue(WEBAPP_CA, WEBAPP_HOST, "server");
    const demanding = createServer({ cert: identity.certPem, key: identity.keyPem, requestCert: true, rejectUnauthorized: true, ca: (await certs.ca(WEBAPP_CA)).certPem }, (_request, response) => response.end("ok"));
    const outcome = await runAgainst(NO_CERT().check, await listen(demanding));
    expect(outcome.status, outcome.seen).toBe("passed");
    expect(outcome.seen).toContain("TLS alert from the server: certificate required");
  });

  it("the foreign-certificate check matches an unknown-CA or certificate-unknown alert, never a bare reset", () => {
    const check = FOREIGN().check;
    if (check.kind !== "http" || check.expect.error === undefined) throw new Error("expected an error expectation");
    const target = { address: "127.0.0.1", port: HTTPS_PORT, serverName: WEBAPP_HOST };
    const alert = (code: string, reason: string) => toProbeError(Object.assign(new Error(reason), { code, reason }), target).message;
    expect(evaluateMatcher(check.expect.error, alert("ERR_SSL_TLSV13_ALERT_CERTIFICATE_UNKNOWN", "tlsv13 alert certificate unknown"))).toBeUndefined();
    expect(evaluateMatcher(check.expect.error, alert("ERR_SSL_SSLV3_ALERT_UNKNOWN_CA", "sslv3 alert unknown ca"))).toBeUndefined();
    expect(evaluateMatcher(check.expect.error, toProbeError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), target).message)).toBeDefined();
    expect(evaluateMatcher(check.expect.error, alert("ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "tlsv1 alert protocol version"))).toBeDefined();
  });
});
