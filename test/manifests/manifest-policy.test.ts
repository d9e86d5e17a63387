import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PINNED_IMAGES, isPinnedImage } from "../../apps/app-images.js";
import { projectRoot } from "../../core/paths.js";
import { describeDoc, listManifestFiles, loadAllManifests, type ManifestDoc } from "./helpers/manifest-files.js";
import { at, labelsAt, labelsMatch, listAt, podLabelsOf, podSpecOf, type Json } from "./helpers/object-walk.js";

const root = projectRoot();
const docs = loadAllManifests(root);
const ofKind = (kind: string): ManifestDoc[] => docs.filter((d) => d.object["kind"] === kind);
const nameOf = (doc: ManifestDoc): string => String(at(doc.object, "metadata.name"));
const shortHost = (host: string): string => host.split(".")[0]!;

// Gateway injection ("image: auto") is the one image value that is not a registry reference.
const SPECIAL_IMAGES = new Set(["auto"]);

describe("no key material in manifests", () => {
  it("no document is a Secret", () => {
    expect(ofKind("Secret").map(describeDoc)).toEqual([]);
  });

  it("no file contains PEM blocks", () => {
    const withPem = listManifestFiles(root).filter((f) => /-----BEGIN [A-Z ]+-----/.test(readFileSync(join(root, f), "utf8")));
    expect(withPem).toEqual([]);
  });
});

describe("images", () => {
  const containers = docs.flatMap((doc) => {
    const spec = podSpecOf(doc.object);
    return spec ? [...listAt(spec, "containers"), ...listAt(spec, "initContainers")].map((c) => ({ doc, container: c })) : [];
  });

  it("there are containers to check", () => {
    expect(containers.length).toBeGreaterThanOrEqual(10);
  });

  it.each(containers.map(({ doc, container }) => [`${describeDoc(doc)} ${String(container["name"])}`, container] as const))(
    "%s uses a pinned, tagged image",
    (_name, container) => {
      const image = String(container["image"]);
      if (SPECIAL_IMAGES.has(image)) return;
      expect(image).toMatch(/^[^:@]+(:[^:@/]+|@sha256:[0-9a-f]{64})$/);
      expect(isPinnedImage(image), `${image} is not in apps/app-images.ts PINNED_IMAGES`).toBe(true);
    },
  );

  it("the pin table itself has tags only", () => {
    for (const pinned of PINNED_IMAGES) expect(pinned.image).toMatch(/^[a-z0-9./-]+:[A-Za-z0-9._-]+$/);
  });
});

describe("namespaces", () => {
  // An IstioOperator is istioctl input, never applied with kubectl: its namespace says where istioctl keeps the
  // installed state (ch4-split-gateway keeps it in istioinaction, so reset's namespace deletion removes it).
  it("manifests leave the namespace to the apply, except objects that must live in istio-system (and istioctl's IstioOperators)", () => {
    const offenders = docs.filter((d) => {
      const ns = at(d.object, "metadata.namespace");
      return ns !== undefined && ns !== "istio-system" && d.object["kind"] !== "IstioOperator";
    });
    expect(offenders.map(describeDoc)).toEqual([]);
  });
});

describe("workloads and services fit together", () => {
  const workloads = docs.filter((d) => podSpecOf(d.object) !== undefined);

  it.each(ofKind("Deployment").map((d) => [describeDoc(d), d] as const))("%s: selector matches its pod labels", (_n, doc) => {
    const selector = labelsAt(doc.object, "spec.selector.matchLabels");
    expect(Object.keys(selector).length).toBeGreaterThan(0);
    expect(labelsMatch(selector, podLabelsOf(doc.object))).toBe(true);
  });

  it.each(ofKind("Service").map((d) => [describeDoc(d), d] as const))("%s: selects at least one shipped workload", (_n, doc) => {
    const selector = labelsAt(doc.object, "spec.selector");
    expect(workloads.some((w) => labelsMatch(selector, podLabelsOf(w.object)))).toBe(true);
  });

  it.each(ofKind("Service").map((d) => [describeDoc(d), d] as const))("%s: targetPorts are container ports of the workload", (_n, doc) => {
    const selector = labelsAt(doc.object, "spec.selector");
    const selected = workloads.filter((w) => labelsMatch(selector, podLabelsOf(w.object)));
    const containerPorts = new Set(selected.flatMap((w) => listAt(podSpecOf(w.object), "containers").flatMap((c) => listAt(c, "ports").map((p) => p["containerPort"]))));
    for (const port of listAt(doc.object, "spec.ports")) expect(containerPorts).toContain(port["targetPort"]);
  });

  it("secret volumes name the TLS Secrets the SNI lab creates", () => {
    const secretNames = workloads.flatMap((w) => listAt(podSpecOf(w.object), "volumes").map((v) => at(v, "secret.secretName")).filter((n) => n !== undefined));
    expect(secretNames).toEqual(expect.arrayContaining(["simple-sni-1.istioinaction.io", "simple-sni-2.istioinaction.io"]));
  });
});

/** VirtualServices that name a missing Gateway on purpose (ch4-debug-gateway-ref's production story). */
const DELIBERATELY_BROKEN = new Set(["labs/ch4-debug-gateway-ref/ops-query-vs-broken.yaml"]);

describe("Istio references resolve", () => {
  const gateways = new Set(ofKind("Gateway").map(nameOf));
  // `<namespace>/<name>` references need a Gateway of that name declaring that namespace.
  const qualifiedGateways = new Set(
    ofKind("Gateway").flatMap((d) => {
      const ns = at(d.object, "metadata.namespace");
      return ns === undefined ? [] : [`${String(ns)}/${nameOf(d)}`];
    }),
  );
  const services = new Set(ofKind("Service").map(nameOf));
  const externalHosts = new Set(ofKind("ServiceEntry").flatMap((d) => (at(d.object, "spec.hosts") as string[]) ?? []));
  const subsetsByHost = new Map<string, Set<string>>();
  for (const dr of ofKind("DestinationRule")) {
    const host = shortHost(String(at(dr.object, "spec.host")));
    const names = subsetsByHost.get(host) ?? new Set<string>();
    for (const subset of listAt(dr.object, "spec.subsets")) names.add(String(subset["name"]));
    subsetsByHost.set(host, names);
  }
  const virtualServices = ofKind("VirtualService");
  const destinations = (vs: ManifestDoc): Json[] =>
    ["http", "tcp", "tls"].flatMap((proto) =>
      listAt(vs.object, `spec.${proto}`).flatMap((route) => [
        ...listAt(route, "route").map((r) => r["destination"] as Json),
        ...(route["mirror"] ? [route["mirror"] as Json] : []),
      ]),
    );

  it.each(virtualServices.map((d) => [describeDoc(d), d] as const))("%s: gateways exist (or mesh)", (_n, vs) => {
    const refs = (at(vs.object, "spec.gateways") as string[] | undefined) ?? ["mesh"];
    const resolves = (gateway: string): boolean => gateway === "mesh" || (gateway.includes("/") ? qualifiedGateways.has(gateway) : gateways.has(gateway));
    if (DELIBERATELY_BROKEN.has(vs.file)) {
      expect(refs.some((gateway) => !resolves(gateway)), `${vs.file} is listed as deliberately broken but resolves`).toBe(true);
      return;
    }
    for (const gateway of refs) expect(resolves(gateway), `gateway ${gateway}`).toBe(true);
  });

  it.each(virtualServices.map((d) => [describeDoc(d), d] as const))("%s: destinations and subsets exist", (_n, vs) => {
    const found = destinations(vs);
    expect(found.length).toBeGreaterThan(0);
    for (const destination of found) {
      const host = String(destination["host"]);
      expect(services.has(shortHost(host)) || externalHosts.has(host), `host ${host}`).toBe(true);
      if (destination["subset"] !== undefined) {
        expect(subsetsByHost.get(shortHost(host))?.has(String(destination["subset"])), `subset ${String(destination["subset"])} of ${host}`).toBe(true);
      }
    }
  });

  it("weighted routes add up to 100", () => {
    for (const vs of virtualServices) {
      for (const route of listAt(vs.object, "spec.http")) {
        const weights = listAt(route, "route").map((r) => r["weight"]).filter((w) => w !== undefined) as number[];
        if (weights.length > 0) expect(weights.reduce((a, b) => a + b, 0), describeDoc(vs)).toBe(100);
      }
    }
  });
});

describe("lab definitions reference files that exist", () => {
  const labSources = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? labSources(path) : entry.endsWith(".ts") ? [path] : [];
    });
  const references = labSources(join(root, "labs")).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    const labFiles = [...text.matchAll(/"(labs\/[A-Za-z0-9._/-]+\.ya?ml)"/g)].map((m) => m[1]!);
    const appFiles = [...text.matchAll(/deployApp\(\s*"([A-Za-z0-9._-]+\.ya?ml)"/g)].map((m) => `apps/${m[1]!}`);
    return [...labFiles, ...appFiles].map((target) => ({ from: relative(root, file), target }));
  });

  it.each(references.map((r) => [`${r.from} -> ${r.target}`, r] as const))("%s", (_n, ref) => {
    expect(existsSync(join(root, ref.target))).toBe(true);
  });
});
