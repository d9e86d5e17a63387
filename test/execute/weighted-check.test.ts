import { afterEach, describe, expect, it } from "vitest";
import type { WeightedCheck } from "../../engine/lab-types.js";
import { runCheck } from "../../engine/execute/run-check.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

const servers: TestServer[] = [];
const contexts: TestContext[] = [];
afterEach(async () => {
  contexts.splice(0).forEach((c) => c.ctx.probe.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

// A catalog that answers v2 (items with imageUrl) with probability `share`.
async function catalogWithShare(share: number): Promise<TestServer> {
  const server = await startTestServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(Math.random() < share ? '[{"id":1,"imageUrl":"http://x/img.png"}]' : '[{"id":1}]');
  });
  servers.push(server);
  return server;
}

function check(port: number): WeightedCheck {
  return {
    kind: "weighted",
    title: "about 10% of responses are v2",
    request: { port, path: "/api/catalog", host: "webapp.istioinaction.io" },
    hit: { op: "contains", value: "imageUrl" },
    hitLabel: "v2",
    expectedShare: 0.1,
    wrongShares: [0, 0.5],
    timeoutMs: 1,
  };
}

function setup(): TestContext {
  const created = createTestContext();
  contexts.push(created);
  return created;
}

describe("weighted check", () => {
  it("passes against a server answering v2 with probability 0.1, reporting n, band and hits", async () => {
    const server = await catalogWithShare(0.1);
    const { ctx } = setup();
    const outcome = await runCheck(check(server.port), ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("passed");
    const details = outcome.details ?? {};
    expect(typeof details["n"]).toBe("number");
    expect(server.requests()).toBe(details["n"]);
    const [low, high] = String(details["band"]).split("..").map(Number);
    expect(Number(details["hits"])).toBeGreaterThanOrEqual(low ?? Infinity);
    expect(Number(details["hits"])).toBeLessThanOrEqual(high ?? -Infinity);
    expect(details["attempts"]).toBe(1);
    expect(outcome.expected).toContain(`send ${details["n"]} requests`);
  });

  it("fails against a server answering v2 with probability 0.5", async () => {
    const server = await catalogWithShare(0.5);
    const { ctx } = setup();
    const outcome = await runCheck(check(server.port), ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toMatch(/outside the accepted band/);
    expect(Number(outcome.details?.["share"])).toBeGreaterThan(0.3);
  });

  it("does not judge a sample with failed requests", async () => {
    const server = await catalogWithShare(0.1);
    const port = server.port;
    await server.close();
    servers.splice(0);
    const { ctx } = setup();
    const outcome = await runCheck(check(port), ctx, createTestState(), { stepStartedAt: new Date(), singleAttempt: true });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain("requests failed");
  });
});
