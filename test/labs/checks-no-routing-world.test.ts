// The mustFailFirst semantics of the routing labs in the world just before their routing steps: catalog v1
// and v2 both answer behind one Service, with no routing rules (the gateway and webapp alternate v1, v2, ...;
// istioctl shows only the default route to the catalog Service). The setup checks ("both versions answer")
// pass here; every check of the subset, header, mirror and weighted steps must fail — with the registry's own
// Check objects, found by lab id, step number and title.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../../core/kube.js";
import { runCheck } from "../../engine/execute/run-check.js";
import { createTestState } from "../engine/execute/helpers/test-context.js";
import { FakeKube } from "../fakes/fake-kube.js";
import { readSeedText } from "../engine/checks/seed-fixtures.js";
import { findLabCheck, labCheckEntries, type LabCheckEntry } from "./helpers/lab-checks.js";
import { openLabWorld, type LabWorld } from "./helpers/lab-world.js";
import { createNoRoutingGateway, type NoRoutingGateway } from "./helpers/stand-in-gateway.js";

type CheckAddress = readonly [labId: string, stepNumber: number, title: string];

const ROUTING_LABS = ["ch5-routing", "ch5-mesh-routing", "ch5-mirror", "ch5-traffic-shifting"];
const ALL_TO_V1 = ["webapp's sidecar routes catalog only to version-v1", "20 responses in a row are v1"] as const;

/** Checks that prove "both versions answer" (or come before v2 exists): they must pass here. */
const SETUP_CHECKS: CheckAddress[] = [
  ["ch5-routing", 2, "a v2 response (imageUrl) shows up"],
  ["ch5-mesh-routing", 1, "webapp answers /api/catalog through the gateway"],
  ["ch5-mirror", 1, "webapp answers /api/catalog through the gateway"],
  ["ch5-traffic-shifting", 1, "webapp answers /api/catalog through the gateway"],
];
/** ch5-routing step 1 runs before v2 exists; its single v1 request says nothing about routing. */
const BEFORE_V2: CheckAddress[] = [["ch5-routing", 1, "GET /items with Host catalog.istioinaction.io is v1"]];

/** The subset, header, mirror and weighted checks: each must fail without routing rules. */
const ROUTING_CHECKS: CheckAddress[] = [
  ["ch5-routing", 3, "the gateway routes catalog.istioinaction.io only to version-v1"],
  ["ch5-routing", 3, "20 responses in a row are v1"],
  ["ch5-routing", 4, "the gateway's route matches the header before the default route"],
  ["ch5-routing", 4, "with the header every response is v2"],
  ...ALL_TO_V1.map((title): CheckAddress => ["ch5-mesh-routing", 2, title]),
  ["ch5-mesh-routing", 3, "webapp's sidecar matches the header to version-v2"],
  ["ch5-mesh-routing", 3, "with the header every response is v2"],
  ...ALL_TO_V1.map((title): CheckAddress => ["ch5-mirror", 2, title]),
  ["ch5-mirror", 3, "webapp's route sends to version-v1 and mirrors 100% to version-v2"],
  ["ch5-mirror", 3, "catalog v2 receives the mirrored requests with a -shadow Host"],
  ...ALL_TO_V1.map((title): CheckAddress => ["ch5-traffic-shifting", 2, title]),
  ["ch5-traffic-shifting", 3, "webapp's route carries weighted clusters 90/10"],
  ["ch5-traffic-shifting", 3, "about 10% of responses are v2"],
  ["ch5-traffic-shifting", 4, "webapp's route carries weighted clusters 50/50"],
];
/**
 * KNOWN WEAKNESS (reported): with no routing rules Envoy balances over both versions, which IS 50/50, so the
 * data-plane half of the 50/50 step cannot tell "50/50 VirtualService" from "no VirtualService at all".
 * The step still fails here because its proxy-config check (weighted clusters 50/50) fails.
 */
const INDISTINGUISHABLE: CheckAddress[] = [["ch5-traffic-shifting", 4, "about half of responses are v2"]];

const key = ([labId, stepNumber, title]: CheckAddress): string => `${labId} › step ${stepNumber} › ${title}`;
const entryOf = ([labId, stepNumber, title]: CheckAddress): LabCheckEntry => findLabCheck(labId, stepNumber, title);

// catalog v2's Deployment and one Ready pod, as `kubectl apply -f apps/catalog-v2.yaml` leaves them.
function catalogV2Objects(): KubeObject[] {
  const labels = { app: "catalog", version: "v2" };
  return [
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "catalog-v2", namespace: "istioinaction", labels }, spec: { selector: { matchLabels: labels } } },
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "catalog-v2-6df885b555-n9nxw", namespace: "istioinaction", labels },
      status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] },
    },
  ];
}

// catalog v2's log when it serves its share of the traffic directly: the seed's v2 lines with the Host that
// direct (non-mirrored) calls carry, `catalog.istioinaction:80` (seed catalog-v1.log).
function directV2Log(): string {
  const shadow = readSeedText("catalog-v2-shadow.log");
  const direct = shadow.replaceAll("catalog.istioinaction-shadow:80", "catalog.istioinaction:80");
  if (direct === shadow) throw new Error("catalog-v2-shadow.log no longer names the -shadow Host");
  return direct;
}

let gateway: NoRoutingGateway;
let v2Log: string;
let world: LabWorld;
beforeAll(async () => {
  gateway = createNoRoutingGateway();
  v2Log = directV2Log();
  const kube = new FakeKube({ logs: (_namespace, pod, container) => (pod.startsWith("catalog-v2-") && container === "catalog" ? v2Log : "") });
  catalogV2Objects().forEach((object) => kube.put(object));
  world = await openLabWorld({ gateway: gateway.handler, kube });
});
afterAll(async () => {
  await world.close();
});

async function selfTest(entry: LabCheckEntry) {
  return runCheck(entry.check, world.ctx, createTestState(entry.lab.id), { stepStartedAt: new Date(0), singleAttempt: true });
}

describe("routing labs: both versions answer, no routing rules", () => {
  it("lists every must-fail-first check of the routing steps (a new one must be placed in a list here)", () => {
    const placed = new Set([...SETUP_CHECKS, ...BEFORE_V2, ...ROUTING_CHECKS, ...INDISTINGUISHABLE].map(key));
    const mustFail = labCheckEntries().filter((entry) => ROUTING_LABS.includes(entry.lab.id) && entry.mustFailFirst);
    expect(mustFail.map((entry) => entry.name).filter((name) => !placed.has(name))).toEqual([]);
    for (const address of [...ROUTING_CHECKS, ...INDISTINGUISHABLE]) expect(entryOf(address).mustFailFirst, key(address)).toBe(true);
  });

  it.each(SETUP_CHECKS.map((address) => [key(address), address] as const))("setup passes: %s", async (_name, address) => {
    const entry = entryOf(address);
    // Polled as in a normal run: "a v2 response shows up" may need a second request.
    const outcome = await runCheck({ ...entry.check, timeoutMs: 5_000 }, world.ctx, createTestState(entry.lab.id), { stepStartedAt: new Date(0) });
    expect(outcome.status, outcome.seen).toBe("passed");
  });

  it.each(ROUTING_CHECKS.map((address) => [key(address), address] as const))("fails: %s", async (_name, address) => {
    const entry = entryOf(address);
    const served = gateway.served();
    const outcome = await selfTest(entry);
    expect(outcome.status, `${entry.name} PASSED with no routing rules: ${outcome.seen}`).toBe("failed");
    switch (entry.check.kind) {
      case "http":
      case "weighted": {
        // It failed on real catalog answers of both versions, not on an error.
        const now = gateway.served();
        expect(now.v1 + now.v2).toBeGreaterThan(served.v1 + served.v2);
        expect(outcome.seen).not.toMatch(/request failed|could not run|expected status/);
        break;
      }
      case "proxy-config":
        expect(outcome.seen).toContain("outbound|80||catalog.istioinaction.svc.cluster.local");
        break;
      case "logs":
        expect(outcome.seen).toContain("GET catalog.istioinaction:80 /items 200");
        break;
      default:
        throw new Error(`no expectation for a ${entry.check.kind} check`);
    }
  });

  it("the mirror logs check does pass on the seed's real mirrored log (so it failed above for the Host alone)", async () => {
    const previous = v2Log;
    v2Log = readSeedText("catalog-v2-shadow.log");
    try {
      const outcome = await selfTest(entryOf(["ch5-mirror", 3, "catalog v2 receives the mirrored requests with a -shadow Host"]));
      expect(outcome.status, outcome.seen).toBe("passed");
    } finally {
      v2Log = previous;
    }
  });

  it.fails.each(INDISTINGUISHABLE.map((address) => [key(address), address] as const))("KNOWN WEAKNESS, fails to fail: %s", async (_name, address) => {
    const outcome = await selfTest(entryOf(address));
    expect(outcome.status, outcome.seen).toBe("failed");
  });

  it("the 50/50 step still fails without routing rules, through its proxy-config check", async () => {
    const outcome = await selfTest(entryOf(["ch5-traffic-shifting", 4, "webapp's route carries weighted clusters 50/50"]));
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toMatch(/^no route splits traffic \|version-v1\|catalog 50, \|version-v2\|catalog 50/);
  });
});
