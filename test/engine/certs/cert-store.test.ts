import { X509Certificate } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCertStore } from "../../../engine/certs/cert-store.js";
import { caPaths, leafPaths } from "../../../engine/certs/cert-paths.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "istio-lab-certs-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("createCertStore", () => {
  it("creates a CA that can sign and nothing else", async () => {
    const store = createCertStore(dir);
    const ca = await store.ca("webapp");
    const cert = new X509Certificate(ca.certPem);
    expect(ca.certPath).toBe(join(dir, "webapp", "ca.crt"));
    expect(cert.ca).toBe(true);
    expect(cert.subject).toContain("CN=webapp CA");
    expect(cert.checkIssued(cert)).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(await readFile(ca.certPath, "utf8")).toBe(ca.certPem);
  });

  it("issues a server leaf with CN and DNS SAN, signed by the CA, valid about a year", async () => {
    const store = createCertStore(dir);
    const leaf = await store.issue("webapp", "webapp.istioinaction.io", "server");
    const cert = new X509Certificate(leaf.certPem);
    const ca = new X509Certificate(leaf.caPem);
    expect(cert.subject).toContain("CN=webapp.istioinaction.io");
    expect(cert.subjectAltName).toBe("DNS:webapp.istioinaction.io");
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]);
    const days = (Date.parse(cert.validTo) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(360);
    expect(days).toBeLessThan(370);
    expect(leaf.certPath).toBe(join(dir, "webapp", "webapp.istioinaction.io.crt"));
    expect(leaf.keyPath).toBe(join(dir, "webapp", "webapp.istioinaction.io.key"));
    expect(leaf.caPath).toBe(caPaths(dir, "webapp").certPath);
  });

  it("issues client certificates with clientAuth into <cn>-client files", async () => {
    const store = createCertStore(dir);
    const client = await store.issue("webapp", "client.istioinaction.io", "client");
    const cert = new X509Certificate(client.certPem);
    expect(cert.keyUsage).toEqual(["1.3.6.1.5.5.7.3.2"]);
    expect(client.certPath).toBe(join(dir, "webapp", "client.istioinaction.io-client.crt"));
    expect(client.keyPath).toBe(leafPaths(dir, "webapp", "client.istioinaction.io", "client").keyPath);
  });

  it("writes keys with mode 0600", async () => {
    const store = createCertStore(dir);
    const leaf = await store.issue("webapp", "webapp.istioinaction.io", "server");
    expect((await stat(leaf.keyPath)).mode & 0o777).toBe(0o600);
    expect((await stat(caPaths(dir, "webapp").keyPath)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, "webapp"))).mode & 0o777).toBe(0o700);
  });

  it("reuses stored certificates, also from a new store on the same folder", async () => {
    const first = await createCertStore(dir).issue("reuse", "a.example", "server");
    const again = await createCertStore(dir).issue("reuse", "a.example", "server");
    expect(again.certPem).toBe(first.certPem);
    expect(again.keyPem).toBe(first.keyPem);
  });

  it("generates once when called concurrently", async () => {
    const store = createCertStore(dir);
    const results = await Promise.all([1, 2, 3].map(() => store.issue("concurrent", "b.example", "server")));
    expect(new Set(results.map((result) => result.certPem)).size).toBe(1);
    expect(new Set(results.map((result) => result.caPem)).size).toBe(1);
  });

  it("regenerates unreadable files and leaves of a replaced CA", async () => {
    const store = createCertStore(dir);
    const leaf = await store.issue("broken", "c.example", "server");
    await writeFile(caPaths(dir, "broken").certPath, "garbage");
    const again = await store.issue("broken", "c.example", "server");
    expect(again.caPem).not.toBe(leaf.caPem);
    expect(again.certPem).not.toBe(leaf.certPem);
    expect(new X509Certificate(again.certPem).checkIssued(new X509Certificate(again.caPem))).toBe(true);
  });

  it("regenerates certificates that expire soon", async () => {
    const inAYear = new Date(Date.now() + 364.5 * 86_400_000);
    const first = await createCertStore(dir).ca("expiring");
    const later = await createCertStore(dir, { now: () => inAYear }).ca("expiring");
    expect(later.certPem).not.toBe(first.certPem);
  });

  it("keeps wildcard names out of file names but in the SAN", async () => {
    const leaf = await createCertStore(dir).issue("wild", "*.istioinaction.io", "server");
    expect(leaf.certPath).toBe(join(dir, "wild", "_wildcard_.istioinaction.io.crt"));
    expect(new X509Certificate(leaf.certPem).subjectAltName).toBe("DNS:*.istioinaction.io");
    const again = await createCertStore(dir).issue("wild", "*.istioinaction.io", "server");
    expect(again.certPem).toBe(leaf.certPem);
  });
});
