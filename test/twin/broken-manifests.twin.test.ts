// Broken manifests through istiod: a copy of a lab's own file with one value mistyped goes through the
// twin, and the lab's own proxy-config check must fail on the result with its own message. (The same
// checks pass on the unbroken files: see istiod-goldens.twin.test.ts.)

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GenerateDeps } from "./generate-state.js";
import { generateState } from "./generate-state.js";
import { syncGoldenState } from "./golden-io.js";
import { judgeOnGolden } from "./judge/judge-on-golden.js";
import { findListener, sniChainsOf } from "./judge/listener-facts.js";
import { mutateValues, type ValueMutation } from "./mutate/replace-values.js";
import { goldenStates } from "./plan/golden-plan.js";
import { findLabCheck } from "../labs/helpers/lab-checks.js";
import { loadTwinSuite } from "./run/twin-suite.js";

interface BrokenCase {
  name: string;
  labId: string;
  stepNumber: number;
  checkTitle: string;
  mutations: ValueMutation[];
  /** The start of the check's own failure message. */
  message: RegExp;
}

const CASES: BrokenCase[] = [
  {
    name: "wrong subset name",
    labId: "ch5-routing",
    stepNumber: 3,
    checkTitle: "the gateway routes catalog.istioinaction.io only to version-v1",
    mutations: [{ file: "labs/ch5-routing/catalog-vs-v1.yaml", from: "version-v1", to: "version-1" }],
    message: /^no route goes to \|version-v1\|catalog; seen: .*\|version-1\|catalog/,
  },
  {
    name: "wrong header value",
    labId: "ch5-routing",
    stepNumber: 4,
    checkTitle: "the gateway's route matches the header before the default route",
    mutations: [{ file: "labs/ch5-routing/catalog-vs-v2-request.yaml", from: "internal", to: "Internal" }],
    message: /^no route matches header x-istio-cohort=internal; seen: /,
  },
  {
    name: "wrong weight",
    labId: "ch5-traffic-shifting",
    stepNumber: 3,
    checkTitle: "webapp's route carries weighted clusters 90/10",
    mutations: [
      { file: "labs/ch5-traffic-shifting/catalog-vs-90-10-mesh.yaml", from: 90, to: 80 },
      { file: "labs/ch5-traffic-shifting/catalog-vs-90-10-mesh.yaml", from: 10, to: 20 },
    ],
    message: /^no route splits traffic \|version-v1\|catalog 90, \|version-v2\|catalog 10; seen: /,
  },
  {
    name: "wrong mirror subset",
    labId: "ch5-mirror",
    stepNumber: 3,
    checkTitle: "webapp's route sends to version-v1 and mirrors 100% to version-v2",
    mutations: [{ file: "labs/ch5-mirror/catalog-vs-mirror.yaml", from: "version-v2", to: "version-v3" }],
    message: /^no route mirrors to \|version-v2\|catalog; seen: /,
  },
];

const { deps, title } = await loadTwinSuite("istiod twin: broken manifests");

// Generates the mutated state into a scratch folder and judges the lab's check on it.
async function judgeBroken(ready: GenerateDeps, brokenCase: BrokenCase) {
  const state = goldenStates().find((candidate) => candidate.labId === brokenCase.labId && candidate.stepNumber === brokenCase.stepNumber);
  if (state === undefined) throw new Error(`no golden state ${brokenCase.labId}/${brokenCase.stepNumber}`);
  const dir = mkdtempSync(join(tmpdir(), "twin-broken-"));
  try {
    syncGoldenState(dir, await generateState(state, ready, mutateValues(brokenCase.mutations)));
    return await judgeOnGolden(findLabCheck(brokenCase.labId, brokenCase.stepNumber, brokenCase.checkTitle).check, brokenCase.labId, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(deps === undefined)(title, () => {
  it.each(CASES.map((brokenCase) => [brokenCase.name, brokenCase] as const))("%s fails the lab's own check", async (_name, brokenCase) => {
    const outcome = await judgeBroken(deps as GenerateDeps, brokenCase);
    expect(outcome.status, outcome.seen).toBe("failed");
    expect(outcome.seen).toMatch(brokenCase.message);
  });
});

// No proxy-config check of ch4-sni-passthrough reads the SNI (its checks are TLS probes, judged by the Envoy
// twin); at config level the gateway's 31400 listener must lose the chain for the mistyped host.
describe.skipIf(deps === undefined)(`${title}: SNI host`, () => {
  it("a wrong SNI host leaves the gateway no chain from simple-sni-1 to simple-tls-service-1", async () => {
    const state = goldenStates().find((candidate) => candidate.labId === "ch4-sni-passthrough" && candidate.stepNumber === 2);
    if (state === undefined) throw new Error("no golden state ch4-sni-passthrough/2");
    const mutation = mutateValues([{ file: "labs/ch4-sni-passthrough/passthrough-sni-vs-1.yaml", from: "simple-sni-1.istioinaction.io", to: "simple-sni-one.istioinaction.io" }]);
    const chainsOf = async (mutate?: typeof mutation) => {
      const printed = (await generateState(state, deps as GenerateDeps, mutate)).get("istio-ingressgateway.istio-system");
      const listener = findListener(JSON.parse(printed?.listeners ?? "[]"), "0.0.0.0_31400");
      return listener === undefined ? [] : sniChainsOf(listener);
    };
    const toService1 = (chain: { serverNames: string[]; clusters: string[] }) =>
      chain.serverNames.includes("simple-sni-1.istioinaction.io") && chain.clusters.some((cluster) => cluster.includes("||simple-tls-service-1.istioinaction"));
    expect((await chainsOf()).some(toService1)).toBe(true);
    expect((await chainsOf(mutation)).some(toService1)).toBe(false);
  });
});
