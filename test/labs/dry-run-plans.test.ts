// The --dry-run plan of every lab, snapshotted (what `lab <id> --dry-run` prints), plus semantic facts that
// must hold whatever the wording: the commands a person would type and the weighted plans' numbers.

import { homedir } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { resolveClusterIdentity } from "../../cluster/cluster-identity.js";
import { createCertStore } from "../../engine/certs/cert-store.js";
import type { LabDefinition, LabOptions } from "../../engine/lab-types.js";
import { formatLabPlan } from "../../engine/plan/format-lab-plan.js";
import { createNodeProbe } from "../../engine/probes/node-probe.js";
import type { Probe } from "../../engine/probes/probe-types.js";
import { LABS } from "../../labs/registry.js";

/** A fixed folder (never created: planning does no I/O) so the snapshots are the same on every machine. */
const CERT_DIR = "/tmp/istio-lab-certs";

const probes: Probe[] = [];
afterAll(() => probes.splice(0).forEach((probe) => probe.close()));

// The plan exactly as printLabPlan builds it, with the certificate folder fixed.
function planOf(lab: LabDefinition, options: LabOptions = { fast: false }): string {
  const probe = createNodeProbe({ certs: createCertStore(CERT_DIR) });
  probes.push(probe);
  return formatLabPlan(lab, options, { probe, target: resolveClusterIdentity() });
}

function labById(id: string): LabDefinition {
  const lab = LABS.find((candidate) => candidate.id === id);
  if (lab === undefined) throw new Error(`no lab ${id} in the registry`);
  return lab;
}

// The check titles flagged "must fail first" in a plan, read back from the printed text.
function flaggedTitles(plan: string): string[] {
  return plan
    .split("\n")
    .filter((line) => line.startsWith("  ✓ ") && /\[[^\]]*must fail first[^\]]*\]$/.test(line))
    .map((line) => line.slice(4).replace(/ {2}\[[^\]]*\]$/, ""));
}

describe("lab --dry-run plans", () => {
  it.each(LABS.map((lab) => [lab.id, lab] as const))("%s matches its snapshot and names no machine-specific path", (id, lab) => {
    const plan = planOf(lab);
    expect(plan).toMatchSnapshot(id);
    expect(plan.startsWith(`${id} — ${lab.title}`)).toBe(true);
    expect(plan).not.toContain(homedir());
    expect(plan).not.toMatch(/\/(home|Users|root)\//);
    expect(plan).not.toContain(process.cwd());
  });

  it("ch5-canary --fast matches its snapshot and differs from the normal plan only where the release file does", () => {
    const lab = labById("ch5-canary");
    const fast = planOf(lab, { fast: true });
    expect(fast).toMatchSnapshot("ch5-canary --fast");
    expect(fast).toContain("kubectl apply -n istioinaction -f labs/ch5-canary/catalog-release-fast.yaml");
    expect(fast).not.toContain("labs/ch5-canary/catalog-release.yaml");
    const normal = planOf(lab);
    expect(normal).toContain("kubectl apply -n istioinaction -f labs/ch5-canary/catalog-release.yaml");
    const differing = fast.split("\n").filter((line, index) => line !== normal.split("\n")[index]);
    expect(differing).toEqual(["  $ kubectl apply -n istioinaction -f labs/ch5-canary/catalog-release-fast.yaml --context kind-myk8s"]);
  });

  it("flags exactly the checks whose effective mustFailFirst is true, in every lab", () => {
    for (const lab of LABS) {
      const wanted = lab.steps({ fast: false }).flatMap((step) => step.checks.filter((check) => check.mustFailFirst ?? step.mustFailFirst ?? false).map((check) => check.title));
      expect(flaggedTitles(planOf(lab)), lab.id).toEqual(wanted);
    }
  });

  it("ch5-mirror: applies the mirror VirtualService and shows webapp's route to see it", () => {
    const plan = planOf(labById("ch5-mirror"));
    expect(plan).toContain("$ kubectl apply -n istioinaction -f labs/ch5-mirror/catalog-vs-mirror.yaml");
    expect(plan).toContain("see it: istioctl proxy-config routes deploy/webapp.istioinaction --name 80 -o json");
    expect(plan).toContain("a route going only to |version-v1|catalog mirrors 100% of requests to |version-v2|catalog");
    expect(plan).toMatch(/kubectl logs -n istioinaction deploy\/catalog-v2 -c catalog '--since-time=<step start>'/);
  });

  it("ch5-routing: the gateway's route and the header request a person would type", () => {
    const plan = planOf(labById("ch5-routing"));
    expect(plan).toContain("istioctl proxy-config routes deploy/istio-ingressgateway.istio-system --name http.8080 -o json");
    expect(plan).toContain("curl -s -H 'Host: catalog.istioinaction.io' -H 'x-istio-cohort: internal' http://127.0.0.1:30000/items");
    expect(plan).toContain("one sample of 20 responses, every one with HTTP 200, body $[0].name equals \"Elinor Glasses\", body does not contain \"imageUrl\"");
  });

  it("ch5-traffic-shifting: the weighted plans carry the exact binomial numbers", () => {
    const plan = planOf(labById("ch5-traffic-shifting"));
    expect(plan).toContain("send 3914 requests, pass if 265..483 are v2 (a correct cluster fails with p=9.8e-7; 5%, 15% or farther pass with p<=1.0e-6)");
    expect(plan).toContain("curl -s -H 'Host: webapp.istioinaction.io' http://127.0.0.1:30000/api/catalog");
    expect(plan).toMatch(/a route splits traffic \|version-v1\|catalog 90, \|version-v2\|catalog 10/);
  });

  it("ch4-sni-passthrough: curl with --resolve and the generated CA under the fixed folder", () => {
    const plan = planOf(labById("ch4-sni-passthrough"));
    expect(plan).toContain(
      "curl -s --resolve simple-sni-1.istioinaction.io:30006:127.0.0.1 --cacert /tmp/istio-lab-certs/simple-sni-1/ca.crt -H 'Host: simple-sni-1.istioinaction.io' https://simple-sni-1.istioinaction.io:30006/",
    );
    expect(plan).toContain("kubectl delete gateway echo-tcp-gateway -n istioinaction --ignore-not-found");
  });

  it("ch5-registry-only: re-installs Istio from the rendered operator and marks the egress checks", () => {
    const plan = planOf(labById("ch5-registry-only"));
    expect(plan).toMatch(/\$ istioctl install -y -f \S*istio-operator\S*/);
    expect(plan).toContain("webapp downloads from raw.githubusercontent.com  [skipped without internet]");
    expect(plan).toContain("the same download is now blocked  [must fail first, skipped without internet]");
    expect(plan).toContain("istioctl proxy-config cluster deploy/forum.istioinaction --fqdn jsonplaceholder.typicode.com -o json");
  });
});
