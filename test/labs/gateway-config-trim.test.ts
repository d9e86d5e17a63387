// ch4-gateway-config-trim's second step claims the trim: istiod runs with PILOT_FILTER_GATEWAY_CLUSTER_CONFIG
// set to "true" (not merely named), and catalog's cluster, which no gateway route uses, is gone.

import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../engine/execute/run-check.js";
import { readSeedText } from "../engine/checks/seed-fixtures.js";
import { FakeKube } from "../fakes/fake-kube.js";
import { createTestState } from "../engine/execute/helpers/test-context.js";
import { findLabCheck } from "./helpers/lab-checks.js";
import { answerWithoutRoutingRules, openLabWorld, type LabWorld } from "./helpers/lab-world.js";
import { routeNotFound } from "./helpers/stand-in-gateway.js";

const worlds: LabWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((world) => world.close()));
});

const ENV_CHECK = () => findLabCheck("ch4-gateway-config-trim", 2, "istiod's container sets PILOT_FILTER_GATEWAY_CLUSTER_CONFIG=true");
const CATALOG_GONE = () => findLabCheck("ch4-gateway-config-trim", 2, "the gateway no longer holds catalog's cluster (no route uses it)");

function istiodWithEnv(value: string): FakeKube {
  const kube = new FakeKube();
  kube.put({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "istiod", namespace: "istio-system" },
    spec: { template: { spec: { containers: [{ name: "discovery", env: [{ name: "PILOT_ENABLE_X", value: "true" }, { name: "PILOT_FILTER_GATEWAY_CLUSTER_CONFIG", value }] }] } } },
  });
  return kube;
}

async function worldWith(options: { kube?: FakeKube; clusters?: string }): Promise<LabWorld> {
  const world = await openLabWorld({
    gateway: routeNotFound,
    ...(options.kube ? { kube: options.kube } : {}),
    exec: (file, args) => (file === "istioctl" && args[1] === "cluster" && options.clusters !== undefined ? { stdout: options.clusters } : answerWithoutRoutingRules(file, args)),
  });
  worlds.push(world);
  return world;
}

describe("ch4-gateway-config-trim: the trim itself", () => {
  it("the env check passes with value true and fails when the variable is set to false", async () => {
    for (const [value, status] of [["true", "passed"], ["false", "failed"]] as const) {
      const world = await worldWith({ kube: istiodWithEnv(value) });
      const outcome = await runCheck(ENV_CHECK().check, world.ctx, createTestState(), { stepStartedAt: new Date(), singleAttempt: true });
      expect(outcome.status, `${value}: ${outcome.seen}`).toBe(status);
    }
  });

  it("catalog's cluster must be gone: fails while the gateway still holds it, and on an empty dump", async () => {
    const withCatalog = await worldWith({ clusters: readSeedText("gateway-cluster-catalog.json") });
    const still = await runCheck(CATALOG_GONE().check, withCatalog.ctx, createTestState(), { stepStartedAt: new Date(), singleAttempt: true });
    expect(still.status).toBe("failed");
    expect(still.seen).toContain("is still there");
    const empty = await worldWith({ clusters: "[]" });
    expect((await runCheck(CATALOG_GONE().check, empty.ctx, createTestState(), { stepStartedAt: new Date(), singleAttempt: true })).status).toBe("failed");
    const onlyWebapp = await worldWith({ clusters: readSeedText("gateway-cluster-catalog.json").replaceAll("catalog.istioinaction", "webapp.istioinaction") });
    const trimmed = await runCheck(CATALOG_GONE().check, onlyWebapp.ctx, createTestState(), { stepStartedAt: new Date(), singleAttempt: true });
    expect(trimmed.status, trimmed.seen).toBe("passed");
  });
});
