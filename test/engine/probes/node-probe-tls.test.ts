import { X509Certificate } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeProbe } from "../../../engine/probes/node-probe.js";
import { createCertStore, type LocalCertStore } from "../../../engine/certs/cert-store.js";
import { ProbeError, type Probe } from "../../../engine/probes/probe-types.js";
import { startSniServer, type RunningServer } from "./helpers/local-servers.js";

const WEBAPP = "webapp.istioinaction.io";
const CATALOG = "catalog.istioinaction.io";

let dir: string;
let certs: LocalCertStore;
let sniServer: RunningServer;
let mtlsServer: RunningServer;
let probe: Probe;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "istio-lab-probe-tls-"));
  certs = createCertStore(dir);
  const webapp = await certs.issue("webapp", WEBAPP, "server");
  const catalog = await certs.issue("catalog", CATALOG, "server");
  sniServer = await startSniServer({ [WEBAPP]: webapp, [CATALOG]: catalog });
  const ca = await certs.ca("webapp");
  mtlsServer = await startSniServer({ [WEBAPP]: webapp }, { caPem: ca.certPem });
  probe = createNodeProbe({ certs });
});
afterAll(async () => {
  probe.close();
  await sniServer.stop();
  await mtlsServer.stop();
  await rm(dir, { recursive: true, force: true });
});

// The error a promise rejects with (fails the test when it resolves).
async function rejectionOf(promise: Promise<unknown>): Promise<ProbeError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(ProbeError);
  return outcome.error as ProbeError;
}

describe("node probe over HTTPS", () => {
  it("presents the certificate that follows the SNI", async () => {
    const webapp = await probe.http({ port: sniServer.port, path: "/", tls: { serverName: WEBAPP, caName: "webapp" } });
    const catalog = await probe.http({ port: sniServer.port, path: "/", tls: { serverName: CATALOG, caName: "catalog" } });
    expect(webapp.status).toBe(200);
    expect(webapp.body).toContain(`Hello ${WEBAPP}`);
    expect(webapp.certificate?.subject).toBe(`CN=${WEBAPP}, O=istio-lab`);
    expect(webapp.certificate?.issuer).toBe("CN=webapp CA, O=istio-lab");
    expect(webapp.certificate?.subjectAltName).toBe(`DNS:${WEBAPP}`);
    expect(catalog.certificate?.subject).toContain(`CN=${CATALOG}`);
    expect(catalog.certificate?.issuer).toContain("CN=catalog CA");
    const pem = (await certs.issue("catalog", CATALOG, "server")).certPem;
    expect(catalog.certificate?.fingerprint256).toBe(new X509Certificate(pem).fingerprint256);
    expect(catalog.certificate?.pem).toBe(new X509Certificate(pem).toString());
  });

  it("fails verification without trusting the generated CA (system roots)", async () => {
    const error = await rejectionOf(probe.http({ port: sniServer.port, path: "/", tls: { serverName: WEBAPP } }));
    expect(error.message).toContain(`TLS handshake with ${WEBAPP} on 127.0.0.1:${sniServer.port} failed: certificate verification failed`);
    expect(error.code).toBe("UNABLE_TO_VERIFY_LEAF_SIGNATURE");
  });

  it("fails verification when trusting another CA", async () => {
    const error = await rejectionOf(probe.http({ port: sniServer.port, path: "/", tls: { serverName: WEBAPP, caName: "catalog" } }));
    expect(error.message).toContain("certificate verification failed");
  });

  it("checks the server name, not 127.0.0.1", async () => {
    // The server falls back to its first certificate (webapp) for an unknown SNI.
    const error = await rejectionOf(probe.http({ port: sniServer.port, path: "/", tls: { serverName: "other.istioinaction.io", caName: "webapp" } }));
    expect(error.code).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
  });

  it("mutual TLS: no client certificate fails, a certificate from the CA succeeds", async () => {
    const without = await rejectionOf(probe.http({ port: mtlsServer.port, path: "/", tls: { serverName: WEBAPP, caName: "webapp" } }));
    expect(without.message).toMatch(/TLS alert from the server: certificate required \(it refused the client certificate or required one\)/);
    const foreign = await rejectionOf(
      probe.http({ port: mtlsServer.port, path: "/", tls: { serverName: WEBAPP, caName: "webapp", clientCertOf: { caName: "catalog", commonName: "client.example" } } }),
    );
    // Node's own TLS server drops a foreign certificate after the handshake without an alert: no evidence, and said so.
    expect(foreign.message).toContain("reset with no TLS alert (ECONNRESET), which shows nothing about why");
    const ok = await probe.http({
      port: mtlsServer.port,
      path: "/",
      tls: { serverName: WEBAPP, caName: "webapp", clientCertOf: { caName: "webapp", commonName: "client.istioinaction.io" } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain("client=client.istioinaction.io");
  });

  it("keeps one TLS connection per server name alive", async () => {
    const local = createNodeProbe({ certs });
    const before = sniServer.connections();
    try {
      for (let i = 0; i < 3; i += 1) {
        const result = await local.http({ port: sniServer.port, path: "/", tls: { serverName: WEBAPP, caName: "webapp" } });
        expect(result.certificate?.subject).toContain(WEBAPP);
      }
    } finally {
      local.close();
    }
    expect(sniServer.connections() - before).toBe(1);
  });
});
