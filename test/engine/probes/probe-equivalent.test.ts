import { describe, expect, it } from "vitest";
import { createNodeProbe } from "../../../engine/probes/node-probe.js";
import { createCertStore } from "../../../engine/certs/cert-store.js";
import type { CertStore } from "../../../engine/certs/cert-types.js";
import { defaultCertDir } from "../../../engine/certs/cert-paths.js";

// equivalent() is sync and derives the certificate paths from the store folder (which need not exist).
const dir = "/tmp/lab certs";
const probe = createNodeProbe({ certs: createCertStore(dir) });

describe("equivalent commands", () => {
  it("HTTP: curl with the Host header against 127.0.0.1", () => {
    expect(probe.equivalent({ port: 30000, path: "/api/catalog", host: "webapp.istioinaction.io" }, "http")).toBe(
      "curl -s -H 'Host: webapp.istioinaction.io' http://127.0.0.1:30000/api/catalog",
    );
  });

  it("HTTP: method, headers and body", () => {
    expect(
      probe.equivalent({ port: 30000, path: "items", host: "catalog.istioinaction.io", method: "DELETE", headers: { "x-dark-launch": "v2" }, body: "{\"a\":1}" }, "http"),
    ).toBe(`curl -s -X DELETE -H 'Host: catalog.istioinaction.io' -H 'x-dark-launch: v2' -d '{"a":1}' http://127.0.0.1:30000/items`);
    expect(probe.equivalent({ port: 30000, path: "/", body: "x" }, "http")).toBe("curl -s -d x http://127.0.0.1:30000/");
  });

  it("HTTPS: --resolve and --cacert from the store's folder, no I/O", () => {
    expect(probe.equivalent({ port: 30005, path: "/api/catalog", tls: { serverName: "webapp.istioinaction.io", caName: "webapp" } }, "http")).toBe(
      "curl -s --resolve webapp.istioinaction.io:30005:127.0.0.1 --cacert '/tmp/lab certs/webapp/ca.crt' https://webapp.istioinaction.io:30005/api/catalog",
    );
  });

  it("HTTPS with a client certificate", () => {
    const spec = {
      port: 30005,
      path: "/",
      tls: { serverName: "webapp.istioinaction.io", caName: "webapp", clientCertOf: { caName: "webapp", commonName: "client.istioinaction.io" } },
    };
    expect(probe.equivalent(spec, "http")).toBe(
      "curl -s --resolve webapp.istioinaction.io:30005:127.0.0.1 --cacert '/tmp/lab certs/webapp/ca.crt' " +
        "--cert '/tmp/lab certs/webapp/client.istioinaction.io-client.crt' --key '/tmp/lab certs/webapp/client.istioinaction.io-client.key' " +
        "https://webapp.istioinaction.io:30005/",
    );
  });

  it("HTTPS with the system roots has no --cacert", () => {
    expect(probe.equivalent({ port: 30005, path: "/", tls: { serverName: "a.example" } }, "http")).toBe(
      "curl -s --resolve a.example:30005:127.0.0.1 https://a.example:30005/",
    );
  });

  it("TCP: nc; TLS over TCP: openssl s_client with SNI and the CA", () => {
    expect(probe.equivalent({ port: 30006, send: "hello" }, "tcp")).toBe("nc 127.0.0.1 30006");
    expect(probe.equivalent({ port: 30006, tls: { serverName: "simple-sni-1.istioinaction.io", caName: "sni-1" } }, "tcp")).toBe(
      "openssl s_client -connect 127.0.0.1:30006 -servername simple-sni-1.istioinaction.io -CAfile '/tmp/lab certs/sni-1/ca.crt'",
    );
  });

  it("falls back to the default folder for a store without a known folder", () => {
    const opaque: CertStore = {
      ca: () => Promise.reject(new Error("no I/O expected")),
      issue: () => Promise.reject(new Error("no I/O expected")),
    };
    const other = createNodeProbe({ certs: opaque });
    expect(other.equivalent({ port: 30005, path: "/", tls: { serverName: "a.example", caName: "x" } }, "http")).toContain(`--cacert ${defaultCertDir()}/x/ca.crt`);
    other.close();
  });
});
