// The labs' own control-plane checks against real istioctl output (the seed) and against wrong configs
// derived from it: a header route with a 50/50 default, a header route to a subset that does not exist,
// a mirror at 50% or on a route to v2. The right config must pass and each wrong one must fail.

import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../engine/execute/run-check.js";
import type { CheckOutcome } from "../../engine/check-outcome.js";
import { readSeedText } from "../engine/checks/seed-fixtures.js";
import { createTestState } from "../engine/execute/helpers/test-context.js";
import { findLabCheck, type LabCheckEntry } from "./helpers/lab-checks.js";
import { answerWithoutRoutingRules, openLabWorld, type LabWorld } from "./helpers/lab-world.js";
import { routeNotFound } from "./helpers/stand-in-gateway.js";

const V1 = "outbound|80|version-v1|catalog.istioinaction.svc.cluster.local";
const V2 = "outbound|80|version-v2|catalog.istioinaction.svc.cluster.local";

const worlds: LabWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((world) => world.close()));
});

// Runs the registry's check once where istioctl prints `routes` for route dumps and `clusters` for cluster dumps.
async function runAgainst(entry: LabCheckEntry, dumps: { routes?: string; clusters?: string }): Promise<CheckOutcome> {
  const world = await openLabWorld({
    gateway: routeNotFound,
    exec: (file, args) => {
      if (file === "istioctl" && args[1] === "routes" && dumps.routes !== undefined) return { stdout: dumps.routes };
      if (file === "istioctl" && args[1] === "cluster" && dumps.clusters !== undefined) return { stdout: dumps.clusters };
      return answerWithoutRoutingRules(file, args);
    },
  });
  worlds.push(world);
  return runCheck(entry.check, world.ctx, createTestState(entry.lab.id), { stepStartedAt: new Date(), singleAttempt: true });
}

// The seed's header-match dump with its default route split 50/50 between v1 and v2.
function withFiftyFiftyDefault(text: string): string {
  const dump = JSON.parse(text) as Array<{ virtualHosts: Array<{ routes: Array<{ route: Record<string, unknown> }> }> }>;
  const routes = dump[0]!.virtualHosts[0]!.routes;
  routes[routes.length - 1]!.route = { weightedClusters: { clusters: [{ name: V1, weight: 50 }, { name: V2, weight: 50 }] } };
  return JSON.stringify(dump);
}

// The cluster list of a proxy holding catalog's plain cluster and the given subset clusters (the seed's cluster shape).
function clustersWith(...names: string[]): string {
  const [plain] = JSON.parse(readSeedText("gateway-cluster-catalog.json")) as Array<Record<string, unknown>>;
  return JSON.stringify([plain, ...names.map((name) => ({ ...plain, name }))]);
}

const HEADER_CHECKS: Array<[string, string, string]> = [
  ["ch5-routing", "the gateway's route matches the header before the default route", "gateway-routes-header-match.json"],
  ["ch5-mesh-routing", "webapp's sidecar matches the header to version-v2", "webapp-routes-header-match.json"],
];

describe("header-route config checks pin the whole route", () => {
  it.each(HEADER_CHECKS)("%s: passes on the seed's header-match dump", async (labId, title, fixture) => {
    const outcome = await runAgainst(findLabCheck(labId, labId === "ch5-routing" ? 4 : 3, title), { routes: readSeedText(fixture) });
    expect(outcome.status, outcome.seen).toBe("passed");
  });

  it.each(HEADER_CHECKS)("%s: fails when the default route is 50/50", async (labId, title, fixture) => {
    const outcome = await runAgainst(findLabCheck(labId, labId === "ch5-routing" ? 4 : 3, title), { routes: withFiftyFiftyDefault(readSeedText(fixture)) });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toMatch(/the default route of .* goes to .*version-v1.* 50, .*version-v2.* 50, not only \|version-v1\|catalog/);
  });

  it("ch5-routing: fails when the header route names a subset other than v2 (version-v3)", async () => {
    const outcome = await runAgainst(findLabCheck("ch5-routing", 4, "the gateway's route matches the header before the default route"), {
      routes: readSeedText("gateway-routes-header-match.json").replace(V2, V2.replace("version-v2", "version-v3")),
    });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toMatch(/goes to outbound\|80\|version-v3\|.*, not only \|version-v2\|catalog/);
  });

  it.each([
    ["ch5-routing", 4, "the ingress gateway has the version-v2 cluster the route names"],
    ["ch5-mesh-routing", 3, "webapp's sidecar has the version-v2 cluster the route names"],
    ["ch2-dark-launch", 3, "webapp's sidecar has the version-v2 cluster the route names"],
    ["ch5-mirror", 3, "webapp's sidecar has the version-v2 cluster the route names"],
  ] as const)("%s: the route's v2 destination must exist as a cluster (a route to a missing subset fails)", async (labId, step, title) => {
    const entry = findLabCheck(labId, step, title);
    expect((await runAgainst(entry, { clusters: clustersWith(V1, V2) })).status).toBe("passed");
    const missing = await runAgainst(entry, { clusters: clustersWith(V1) });
    expect(missing.status).toBe("failed");
    expect(missing.seen).toContain(`no cluster named ${V2}`);
  });
});

describe("the mirror config check pins the route's own destination and the percentage", () => {
  const entry = () => findLabCheck("ch5-mirror", 3, "webapp's route sends to version-v1 and mirrors 100% to version-v2");

  it("passes on the seed's mirror dump", async () => {
    const outcome = await runAgainst(entry(), { routes: readSeedText("webapp-routes-mirror.json") });
    expect(outcome.status, outcome.seen).toBe("passed");
  });

  it("fails when only half the requests are mirrored", async () => {
    const outcome = await runAgainst(entry(), { routes: readSeedText("webapp-routes-mirror.json").replace('"numerator": 100', '"numerator": 50') });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain("mirroring 50% to");
  });

  it("fails when the route itself sends to v2 (users would see v2)", async () => {
    const text = readSeedText("webapp-routes-mirror.json");
    const toV2 = text.replace(`"cluster": "${V1}"`, `"cluster": "${V2}"`);
    expect(toV2).not.toBe(text);
    const outcome = await runAgainst(entry(), { routes: toV2 });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toMatch(/no route going only to \|version-v1\|catalog mirrors 100%/);
  });
});
