// The labs' "every response" checks judge one sample after their gate: a world that sometimes answers v2
// fails them with the counts, even though a clean streak would come along if the check sampled again.

import { afterEach, describe, expect, it } from "vitest";
import type { IncomingMessage, ServerResponse } from "node:http";
import { runCheck } from "../../engine/execute/run-check.js";
import { createTestState } from "../engine/execute/helpers/test-context.js";
import { findLabCheck } from "./helpers/lab-checks.js";
import { openLabWorld, type LabWorld } from "./helpers/lab-world.js";
import { V1_BODY, V2_BODY, routeNotFound } from "./helpers/stand-in-gateway.js";

const worlds: LabWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((world) => world.close()));
});

// Answers `host`'s catalog path with v2 on the listed request numbers (1-based) and v1 otherwise.
function occasionalV2(host: string, path: string, v2At: readonly number[]): (request: IncomingMessage, response: ServerResponse) => void {
  let count = 0;
  return (request, response) => {
    if (request.headers.host !== host || request.url !== path) return routeNotFound(request, response);
    count += 1;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(v2At.includes(count) ? V2_BODY : V1_BODY);
  };
}

describe("sampled lab checks", () => {
  it("ch5-mirror's 'no response is v2' fails on one v2 response in its sample, instead of waiting for a clean streak", async () => {
    const world = await openLabWorld({ gateway: occasionalV2("webapp.istioinaction.io", "/api/catalog", [3, 11]) });
    worlds.push(world);
    const entry = findLabCheck("ch5-mirror", 3, "no response is v2");
    const outcome = await runCheck({ ...entry.check, timeoutMs: 10_000, intervalMs: 1 }, world.ctx, createTestState(entry.lab.id), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain("2 of 20 responses broke the claim");
    expect(world.server.requests()).toBe(20);
  });

  it("ch5-routing's 'without it every response is v1' fails under a default route that sometimes answers v2", async () => {
    const world = await openLabWorld({ gateway: occasionalV2("catalog.istioinaction.io", "/items", [2]) });
    worlds.push(world);
    const entry = findLabCheck("ch5-routing", 4, "without it every response is v1");
    const outcome = await runCheck({ ...entry.check, timeoutMs: 10_000, intervalMs: 1 }, world.ctx, createTestState(entry.lab.id), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("failed");
    expect(outcome.details).toMatchObject({ sample: 10, violations: 1 });
  });
});
