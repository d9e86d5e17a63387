import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExec } from "../../../core/exec.js";
import { createCurlProbe } from "../../../engine/probes/curl-probe.js";
import { createNodeProbe } from "../../../engine/probes/node-probe.js";
import { createCertStore, type LocalCertStore } from "../../../engine/certs/cert-store.js";
import { ProbeError, type Probe } from "../../../engine/probes/probe-types.js";
import { HOST_BODIES, startHostRoutingServer, startSniServer, type RunningServer } from "./helpers/local-servers.js";

const WEBAPP = "webapp.istioinaction.io";
const CATALOG = "catalog.istioinaction.io";
const curlPath = (process.env["PATH"] ?? "").split(delimiter).map((folder) => join(folder, "curl")).find((path) => existsSync(path));

let dir: string;
let certs: LocalCertStore;
let http: RunningServer;
let sni: RunningServer;
let mtls: RunningServer;
let curl: Probe;
let node: Probe;

describe.skipIf(curlPath === undefined)("curl probe (skipped: no curl on PATH)", () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "istio-lab-probe-curl-"));
    certs = createCertStore(dir);
    const webapp = await certs.issue("webapp", WEBAPP, "server");
    http = await startHostRoutingServer();
    sni = await startSniServer({ [WEBAPP]: webapp, [CATALOG]: await certs.issue("catalog", CATALOG, "server") });
    mtls = await startSniServer({ [WEBAPP]: webapp }, { caPem: webapp.caPem });
    curl = createCurlProbe({ exec: createExec(), certs });
    node = createNodeProbe({ certs });
  });
  afterAll(async () => {
    curl.close();
    node.close();
    await Promise.all([http.stop(), sni.stop(), mtls.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it("gives the same status, headers and body as the node probe over HTTP", async () => {
    const spec = { port: http.port, path: "/api/catalog", host: CATALOG, method: "PATCH", headers: { "x-custom": "it's" }, body: "a b" };
    const viaCurl = await curl.http(spec);
    const viaNode = await node.http(spec);
    expect(viaCurl.status).toBe(200);
    expect(viaCurl.body).toBe(HOST_BODIES[CATALOG]);
    expect(viaCurl.body).toBe(viaNode.body);
    for (const name of ["x-seen-method", "x-seen-host", "x-seen-body", "x-seen-custom", "set-cookie", "content-type"]) {
      expect(viaCurl.headers[name], name).toBe(viaNode.headers[name]);
    }
    expect(viaCurl.headers["x-seen-method"]).toBe("PATCH");
    expect((await curl.http({ port: http.port, path: "/", host: "unknown.example" })).status).toBe(404);
  });

  it("follows the SNI and exposes the same certificate as the node probe", async () => {
    const spec = { port: sni.port, path: "/", tls: { serverName: CATALOG, caName: "catalog" } };
    const viaCurl = await curl.http(spec);
    const viaNode = await node.http(spec);
    expect(viaCurl.status).toBe(200);
    expect(viaCurl.body).toBe(viaNode.body);
    expect(viaCurl.headers["x-seen-host"]).toBe(viaNode.headers["x-seen-host"]);
    expect(viaCurl.certificate).toEqual(viaNode.certificate);
    expect(viaCurl.certificate?.subject).toContain(`CN=${CATALOG}`);
  });

  it("maps an untrusted certificate to the same verification failure", async () => {
    const error = await curl.http({ port: sni.port, path: "/", tls: { serverName: WEBAPP } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProbeError);
    expect((error as ProbeError).message).toContain(`TLS handshake with ${WEBAPP} on 127.0.0.1:${sni.port} failed: certificate verification failed`);
    expect((error as ProbeError).code).toBe("CURL_EXIT_60");
    expect((error as ProbeError).message).toContain("curl: (60) SSL certificate problem");
  });

  it("mutual TLS: fails without a client certificate, succeeds with one from the CA", async () => {
    const without = await curl.http({ port: mtls.port, path: "/", tls: { serverName: WEBAPP, caName: "webapp" } }).catch((caught: unknown) => caught);
    expect(without).toBeInstanceOf(ProbeError);
    expect((without as ProbeError).message).toContain("client certificate");
    const ok = await curl.http({ port: mtls.port, path: "/", tls: { serverName: WEBAPP, caName: "webapp", clientCertOf: { caName: "webapp", commonName: "curl-client" } } });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain("client=curl-client");
  });

  it("says the connection was refused", async () => {
    const closed = await startHostRoutingServer();
    await closed.stop();
    const error = await curl.http({ port: closed.port, path: "/" }).catch((caught: unknown) => caught);
    expect((error as ProbeError).code).toBe("ECONNREFUSED");
    expect((error as ProbeError).message).toBe(`connection refused on 127.0.0.1:${closed.port} — is the cluster up? (\`npm run lab status\`)`);
  });
});
