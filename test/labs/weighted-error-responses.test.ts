// A weighted check must not count error responses as "not v2": if v1 is broken (90% of calls answer webapp's
// HTTP 500 "error calling Catalog service") and 10% are v2, hits/n would still land in the 90/10 band.
// The lab's checks declare `valid` (200 with the catalog): the check waits for a valid answer, then the 500s
// inside its one sample fail it, with the count.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncomingMessage, ServerResponse } from "node:http";
import { runCheck } from "../../engine/execute/run-check.js";
import { planOf } from "../../engine/execute/checks/weighted-check.js";
import type { WeightedCheck } from "../../engine/lab-types.js";
import { createTestState } from "../engine/execute/helpers/test-context.js";
import { findLabCheck } from "./helpers/lab-checks.js";
import { openLabWorld, type LabWorld } from "./helpers/lab-world.js";
import { V2_BODY, routeNotFound } from "./helpers/stand-in-gateway.js";

// webapp with catalog v1 unreachable: every 10th call reaches v2, the others fail with webapp's 500.
function brokenV1Gateway(): (request: IncomingMessage, response: ServerResponse) => void {
  let count = 0;
  return (request, response) => {
    if (request.headers.host !== "webapp.istioinaction.io" || request.url !== "/api/catalog") return routeNotFound(request, response);
    count += 1;
    if (count % 10 === 0) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(V2_BODY);
      return;
    }
    response.writeHead(500, { "content-type": "text/plain" });
    response.end("error calling Catalog service");
  };
}

let world: LabWorld;
beforeAll(async () => {
  world = await openLabWorld({ gateway: brokenV1Gateway() });
});
afterAll(async () => {
  await world.close();
});

describe("ch5-traffic-shifting 90/10 with v1 answering 500", () => {
  it("fails when 9 in 10 responses are HTTP 500, instead of counting them as v1", async () => {
    const entry = findLabCheck("ch5-traffic-shifting", 3, "about 10% of responses are v2");
    const outcome = await runCheck({ ...entry.check, timeoutMs: 10_000, intervalMs: 1 }, world.ctx, createTestState(entry.lab.id), { stepStartedAt: new Date() });
    expect(outcome.status, outcome.seen).toBe("failed");
    const { n } = planOf(entry.check as WeightedCheck);
    const match = /^(\d+) of (\d+) requests failed or were invalid after the route was ready \(first: invalid response: expected status 200, got 500\); the sample fails/.exec(outcome.seen);
    expect(match, outcome.seen).not.toBeNull();
    expect(Number(match![2])).toBe(n);
    // About 9 in 10 of the sample are the broken v1's 500s.
    expect(Number(match![1]) / n).toBeGreaterThan(0.85);
    expect(Number(match![1]) / n).toBeLessThan(0.95);
  });

  it("the 50/50 check fails too when the v1 half answers 500 (its `valid` filter, not the hit count, catches it)", async () => {
    let count = 0;
    const halfBroken = await openLabWorld({
      gateway: (request, response) => {
        if (request.headers.host !== "webapp.istioinaction.io" || request.url !== "/api/catalog") return routeNotFound(request, response);
        count += 1;
        if (count % 2 === 0) {
          response.writeHead(200, { "content-type": "application/json" });
          response.end(V2_BODY);
          return;
        }
        response.writeHead(500, { "content-type": "text/plain" });
        response.end("error calling Catalog service");
      },
    });
    try {
      const entry = findLabCheck("ch5-traffic-shifting", 4, "about half of responses are v2");
      const outcome = await runCheck({ ...entry.check, timeoutMs: 10_000, intervalMs: 1 }, halfBroken.ctx, createTestState(entry.lab.id), { stepStartedAt: new Date() });
      expect(outcome.status, outcome.seen).toBe("failed");
      expect(outcome.seen).toMatch(/requests failed or were invalid after the route was ready \(first: invalid response: expected status 200, got 500\)/);
    } finally {
      await halfBroken.close();
    }
  });

  it("control: the lab's http checks do reject the 500s", async () => {
    const entry = findLabCheck("ch5-traffic-shifting", 2, "20 responses in a row are v1");
    const outcome = await runCheck(entry.check, world.ctx, createTestState(entry.lab.id), { stepStartedAt: new Date(), singleAttempt: true });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain("expected status 200, got 500");
  });
});
