// ch5-mesh-routing's "the ingress gateway sends nothing to catalog" must fail on a gateway that routes to catalog.
// (It once asserted "no route for domain catalog.istioinaction.svc.cluster.local", a name a gateway's virtual
// hosts never carry, so it passed even on the seed's gateway that DOES route catalog by x-istio-cohort.)

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../../engine/execute/run-check.js";
import { readSeedText } from "../engine/checks/seed-fixtures.js";
import { createTestState } from "../engine/execute/helpers/test-context.js";
import { findLabCheck } from "./helpers/lab-checks.js";
import { answerWithoutRoutingRules, openLabWorld, type LabWorld } from "./helpers/lab-world.js";
import { routeNotFound } from "./helpers/stand-in-gateway.js";

const CHECK = findLabCheck("ch5-mesh-routing", 3, "the ingress gateway sends nothing to catalog (the rule lives in the sidecars)");

let world: LabWorld;
beforeAll(async () => {
  // The gateway as the seed printed it after ch5-routing's catalog-vs-v2-request.yaml: a catalog route with a header match.
  const gatewayWithCatalogRoute = readSeedText("gateway-routes-header-match.json");
  world = await openLabWorld({
    gateway: routeNotFound,
    exec: (file, args) => (file === "istioctl" && args[1] === "routes" && args[2] === "deploy/istio-ingressgateway.istio-system" ? { stdout: gatewayWithCatalogRoute } : answerWithoutRoutingRules(file, args)),
  });
});
afterAll(async () => {
  await world.close();
});

describe("ch5-mesh-routing: the gateway's catalog route check", () => {
  it("asks the gateway's http.8080 routes", async () => {
    await runCheck(CHECK.check, world.ctx, createTestState(CHECK.lab.id), { stepStartedAt: new Date(), singleAttempt: true });
    expect(world.commands.at(-1)).toBe("istioctl proxy-config routes deploy/istio-ingressgateway.istio-system --name http.8080 -o json --context kind-myk8s");
  });

  it("fails on a gateway routing catalog.istioinaction.io by x-istio-cohort (the seed's ch5-routing gateway)", async () => {
    const outcome = await runCheck(CHECK.check, world.ctx, createTestState(CHECK.lab.id), { stepStartedAt: new Date(), singleAttempt: true });
    expect(outcome.status, outcome.seen).toBe("failed");
    expect(outcome.seen).toMatch(/a route still goes to catalog\.istioinaction\.svc\.cluster\.local/);
  });
});
