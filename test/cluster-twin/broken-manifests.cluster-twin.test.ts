// A mistyped value in a lab's own manifest (header value, weights, SNI host: test/twin/envoy/broken-cases.ts;
// a subset name as test/twin/broken-manifests.twin.test.ts mistypes it) makes the whole lab fail on the cluster twin, in the step that applies it, with its own check's message. The
// runner stops at the step's first failing check: for the header and weight cases that is the proxy-config gate
// before the traffic check the envoy twin judges alone.

import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../core/paths.js";
import { BROKEN_CASES, type BrokenValue } from "../twin/envoy/broken-cases.js";
import { brokenProjectCopy } from "./broken-project.js";
import { runLabCli } from "./run-lab-cli.js";

const twin = inject("clusterTwin");
const root = projectRoot();

interface TwinBrokenCase {
  id: string;
  labId: string;
  stepNumber: number;
  mutations: readonly BrokenValue[];
}

const CASES: readonly TwinBrokenCase[] = [
  { id: "ch5-routing-subset-name", labId: "ch5-routing", stepNumber: 3, mutations: [{ file: "labs/ch5-routing/catalog-vs-v1.yaml", from: "version-v1", to: "version-1" }] },
  ...BROKEN_CASES,
];

/** Per case: the check that fails first on the twin, and what it says it saw. */
const FIRST_FAILURE: Readonly<Record<string, { check: string; seen: RegExp }>> = {
  "ch5-routing-subset-name": { check: "the gateway routes catalog.istioinaction.io only to version-v1", seen: /^no route goes to \|version-v1\|catalog; seen: .*\|version-1\|catalog/ },
  "ch5-routing-header-value": { check: "the gateway's route matches the header before the default route", seen: /^no route matches header x-istio-cohort=internal; seen: .*\[x-istio-cohort=Internal\] -> outbound\|80\|version-v2\|catalog/ },
  "ch5-traffic-shifting-weights": { check: "webapp's route carries weighted clusters 90/10", seen: /^no route splits traffic \|version-v1\|catalog 90, \|version-v2\|catalog 10; seen: .*version-v1.* 50, .*version-v2.* 50/ },
  // No VirtualService matches the SNI any more: no listener on 31400. The NodePort relay has accepted the
  // connection before it finds nothing behind it, so the client sees a reset where kind's DNAT refuses.
  "ch4-sni-passthrough-sni-host": { check: "SNI simple-sni-1.istioinaction.io reaches simple-tls-service-1 and sees its own certificate", seen: /^the request failed: TLS handshake with simple-sni-1\.istioinaction\.io on 127\.0\.0\.1:30006 failed/ },
};

describe.skipIf("skip" in twin)("broken manifests fail on the cluster twin with the lab's own message", () => {
  it.each(CASES.map((c) => [c.id, c] as const))("%s", async (id, broken) => {
    if ("skip" in twin) return;
    const expected = FIRST_FAILURE[id];
    expect(expected, `no cluster-twin expectation for ${id}`).toBeDefined();
    const copy = brokenProjectCopy(root, broken.mutations);
    try {
      const reportDir = join(root, "test-artifacts", "cluster-twin-broken", id);
      const run = await runLabCli(copy, [broken.labId], { context: twin.context, kubeconfig: twin.kubeconfig, reportDir });
      expect(run.exitCode, run.output.slice(-2000)).toBe(1);
      const lab = run.summary?.labs[0];
      const step = lab?.steps[broken.stepNumber - 1];
      expect(step?.status, `step ${broken.stepNumber} of ${broken.labId}:\n${run.output.slice(-2000)}`).toBe("failed");
      expect(lab?.steps.slice(0, broken.stepNumber - 1).every((earlier) => earlier.status === "passed")).toBe(true);
      const failed = step?.checks.find((check) => check.status === "failed");
      expect(failed?.title).toBe(expected?.check);
      expect(lab?.failure?.message).toBe(`check failed: ${expected?.check ?? ""}`);
      expect(failed?.seen ?? "").toMatch(expected?.seen ?? /^$/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
