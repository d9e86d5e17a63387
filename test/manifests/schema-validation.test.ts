import { describe, expect, it } from "vitest";
import { describeDoc, listManifestFiles, loadAllManifests, parseManifestText } from "./helpers/manifest-files.js";
import { knownModelCount } from "./helpers/model-registry.js";
import { validateManifest } from "./helpers/validate-manifest.js";

const docs = loadAllManifests();

// The files this suite was written for; more may appear (other labs), none of these may vanish.
const EXPECTED_FILES = [
  "apps/catalog.yaml",
  "apps/catalog-v2.yaml",
  "apps/webapp.yaml",
  "apps/forum.yaml",
  "apps/tcp-echo.yaml",
  "apps/simple-tls-service-1.yaml",
  "apps/simple-tls-service-2.yaml",
  "apps/netshoot.yaml",
  "labs/ch5-routing/catalog-gateway.yaml",
  "labs/ch5-routing/catalog-vs.yaml",
  "labs/ch5-routing/catalog-vs-v1.yaml",
  "labs/ch5-routing/catalog-vs-v2-request.yaml",
  "labs/ch5-mesh-routing/coolstore-gateway.yaml",
  "labs/ch5-mesh-routing/catalog-dr.yaml",
  "labs/ch5-mesh-routing/catalog-vs-v1-mesh.yaml",
  "labs/ch5-mesh-routing/catalog-vs-v2-request-mesh.yaml",
  "labs/ch5-traffic-shifting/catalog-vs-90-10-mesh.yaml",
  "labs/ch5-traffic-shifting/catalog-vs-50-50-mesh.yaml",
  "labs/ch5-canary/catalog-release.yaml",
  "labs/ch5-canary/catalog-release-fast.yaml",
  "labs/ch5-canary/catalog-v2-deployment.yaml",
  "labs/ch5-canary/catalog-broken-deployment.yaml",
  "labs/ch5-mirror/catalog-vs-mirror.yaml",
  "labs/ch5-registry-only/forum-serviceentry.yaml",
  "labs/ch4-sni-passthrough/passthrough-sni-gateway.yaml",
  "labs/ch4-sni-passthrough/passthrough-sni-vs-1.yaml",
  "labs/ch4-sni-passthrough/passthrough-sni-vs-2.yaml",
];

describe("shipped manifests", () => {
  it("include every expected file", () => {
    expect(listManifestFiles()).toEqual(expect.arrayContaining(EXPECTED_FILES));
  });

  it("every file has at least one document", () => {
    const withDocs = new Set(docs.map((d) => d.file));
    expect(listManifestFiles().filter((f) => !withDocs.has(f))).toEqual([]);
  });

  it.each(docs.map((d) => [describeDoc(d), d] as const))("%s validates against its schema", (_name, doc) => {
    expect(validateManifest(doc.object)).toEqual([]);
  });
});

describe("the validator itself", () => {
  it("knows the Kubernetes and Istio kinds", () => {
    expect(knownModelCount()).toBeGreaterThan(100);
  });

  it("fails an unknown kind instead of passing it", () => {
    expect(validateManifest({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } })).toEqual([
      "no schema known for example.com/v1/Widget",
    ]);
  });

  it("fails a known kind with a wrongly typed field", () => {
    const deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d" },
      spec: { replicas: "one", selector: { matchLabels: { app: "d" } }, template: { spec: { containers: [{ name: "c", image: "i:1" }] } } },
    };
    expect(validateManifest(deployment).join()).toMatch(/replicas/);
  });

  it("fails an Istio field of the wrong type", () => {
    const gateway = { apiVersion: "networking.istio.io/v1alpha3", kind: "Gateway", metadata: { name: "g" }, spec: { servers: [{ port: { number: "eighty" } }] } };
    expect(validateManifest(gateway)).not.toEqual([]);
  });

  it("rejects Istio API versions that Istio 1.17 does not serve", () => {
    const vs = { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "v" }, spec: { hosts: ["a"] } };
    expect(validateManifest(vs)).toEqual(["networking.istio.io/v1 is not served by Istio 1.17"]);
  });

  it("parses multi-document YAML and rejects broken YAML", () => {
    expect(parseManifestText("x.yaml", "a: 1\n---\n---\nb: 2\n").map((d) => d.object)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(() => parseManifestText("x.yaml", "a: [1, 2\n")).toThrow(/x.yaml document 0/);
  });
});
