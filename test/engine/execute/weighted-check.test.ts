import { afterEach, describe, expect, it } from "vitest";
import type { WeightedCheck } from "../../../engine/lab-types.js";
import { runCheck } from "../../../engine/execute/run-check.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";
import { planOf } from "../../../engine/execute/checks/weighted-check.js";
import { ProbeError } from "../../../engine/probes/probe-types.js";
import { findLabCheck } from "../../labs/helpers/lab-checks.js";
import { atMost, exactBinomial, inRange, outside } from "../checks/exact-binomial.js";

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
    expect(details["errors"]).toBe(0);
    expect(outcome.kind).toBe("weighted");
    expect(details["hitLabel"]).toBe(check(server.port).hitLabel);
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

  it("takes no sample while the route does not answer (not ready yet)", async () => {
    const server = await catalogWithShare(0.1);
    const port = server.port;
    await server.close();
    servers.splice(0);
    const { ctx } = setup();
    const outcome = await runCheck(check(port), ctx, createTestState(), { stepStartedAt: new Date(), singleAttempt: true });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain("not ready yet (no sample taken)");
  });

  it("judges one sample after the gate: a wrong first sample is final, not re-sampled until a lucky one passes", async () => {
    const n = planOf(check(0)).n;
    let count = 0;
    // The first sample is all v1 (the 100/0 configuration); afterwards exactly every tenth answer is v2.
    const server = await startTestServer((_request, response) => {
      count += 1;
      response.writeHead(200, { "content-type": "application/json" });
      response.end(count > n && count % 10 === 0 ? '[{"id":1,"imageUrl":"x"}]' : '[{"id":1}]');
    });
    servers.push(server);
    const { ctx } = setup();
    const outcome = await runCheck({ ...check(server.port), timeoutMs: 10_000, intervalMs: 1 }, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("failed");
    expect(outcome.details?.["hits"]).toBe(0);
    expect(outcome.details?.["attempts"]).toBe(1);
    expect(server.requests()).toBe(n);
  });

  it("fails a sample with an invalid response inside it, with the count", async () => {
    let count = 0;
    const server = await startTestServer((_request, response) => {
      count += 1;
      response.writeHead(count === 5 ? 503 : 200, { "content-type": "application/json" });
      response.end(count % 10 === 0 ? '[{"id":1,"imageUrl":"x"}]' : '[{"id":1}]');
    });
    servers.push(server);
    const { ctx } = setup();
    const outcome = await runCheck({ ...check(server.port), valid: { status: 200 }, timeoutMs: 10_000 }, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain(`1 of ${planOf(check(server.port)).n} requests failed or were invalid`);
    expect(outcome.details?.["failedRequests"]).toBe(1);
  });

  it("judges one sample and stops, however long its deadline: re-sampling would give a wrong cluster more chances", async () => {
    const server = await catalogWithShare(0.5);
    const { ctx } = setup();
    const outcome = await runCheck({ ...check(server.port), timeoutMs: 600_000 }, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("failed");
    expect(outcome.details?.["attempts"]).toBe(1);
    expect(server.requests()).toBe(outcome.details?.["n"]);
  });

  it("fails against a server answering v2 with probability 0 (the 100/0 configuration)", async () => {
    const server = await catalogWithShare(0);
    const { ctx } = setup();
    const outcome = await runCheck(check(server.port), ctx, createTestState(), { stepStartedAt: new Date(), singleAttempt: true });
    expect(outcome.status).toBe("failed");
    expect(outcome.details?.["hits"]).toBe(0);
    expect(server.requests()).toBe(outcome.details?.["n"]);
    expect(outcome.seen).toMatch(/^0 of \d+ responses were v2 .*outside the accepted band/);
  });
});

describe("the 90/10 check of ch5-traffic-shifting: n = 3914, band 265..483", () => {
  // Exact tails by direct summation (BigInt), independent of engine/checks/binomial.ts.
  const ALPHA_INVERSE = 1_000_000n;
  const n = 3914;
  const [tenPercent, fivePercent, fifteenPercent] = [exactBinomial(n, 1, 10), exactBinomial(n, 1, 20), exactBinomial(n, 3, 20)];

  it("is the registry's check with expected 0.1, planned against 5% and 15% as n = 3914, band 265..483", () => {
    const lab = findLabCheck("ch5-traffic-shifting", 3, "about 10% of responses are v2").check;
    if (lab.kind !== "weighted") throw new Error(`expected a weighted check, got ${lab.kind}`);
    expect([lab.expectedShare, lab.wrongShares]).toEqual([0.1, [0, 0.5]]);
    const plan = planOf(lab);
    expect([plan.n, plan.low, plan.high, plan.wrongShares, plan.attempts]).toEqual([3914, 265, 483, [0.05, 0.15], 1]);
  });

  it("meets both error bounds at n = 3914 with band 265..483 (recomputed exactly)", () => {
    // A correct cluster (10% v2) falls outside 265..483 with probability <= 1e-6.
    expect(atMost(outside(tenPercent, 265, 483), tenPercent, ALPHA_INVERSE)).toBe(true);
    // 95/5 and 85/15 fall inside 265..483 with probability <= 1e-6.
    for (const wrong of [fivePercent, fifteenPercent]) expect(atMost(inRange(wrong, 265, 483), wrong, ALPHA_INVERSE)).toBe(true);
  });

  it("uses the widest band: 264 or 484 hits would break a bound", () => {
    expect(atMost(inRange(fivePercent, 264, 483), fivePercent, ALPHA_INVERSE)).toBe(false);
    expect(atMost(inRange(fifteenPercent, 265, 484), fifteenPercent, ALPHA_INVERSE)).toBe(false);
  });
});

describe("weighted check: transport failures before any response byte", () => {
  // A 10% catalog that resets the connection, before answering, for the requests whose number is in `resets`
  // (every response closes its connection, so each request is a fresh one and nothing is reused).
  async function resettingCatalog(resets: (count: number) => boolean): Promise<TestServer> {
    let count = 0;
    const server = await startTestServer((request, response) => {
      count += 1;
      if (resets(count)) {
        request.socket.destroy();
        return;
      }
      response.writeHead(200, { "content-type": "application/json", connection: "close" });
      response.end(Math.random() < 0.1 ? '[{"id":1,"imageUrl":"http://x/img.png"}]' : '[{"id":1}]');
    });
    servers.push(server);
    return server;
  }

  const budget = (n: number) => Math.max(1, Math.floor(n * 0.005));

  it("sends each such request once more, counts it, and passes within the budget (0.5% of the sample)", async () => {
    const n = planOf(check(1)).n;
    const resetsWanted = budget(n) - 2;
    const server = await resettingCatalog((count) => count > 1 && count % 97 === 0 && count / 97 <= resetsWanted);
    const { ctx } = setup();
    const outcome = await runCheck(check(server.port), ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status, outcome.seen).toBe("passed");
    expect(outcome.details?.["transportRetries"]).toBe(resetsWanted);
    expect(outcome.details?.["transportRetryBudget"]).toBe(budget(n));
    expect(server.requests()).toBe(n + resetsWanted);
  });

  it("fails, with the counts, when more requests than the budget needed a second try", async () => {
    const n = planOf(check(1)).n;
    const over = budget(n) + 3;
    const server = await resettingCatalog((count) => count > 1 && count % 53 === 0 && count / 53 <= over);
    const { ctx } = setup();
    const outcome = await runCheck(check(server.port), ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain(`${over} of ${n} requests broke before any response byte and were sent again, over the budget of ${budget(n)}`);
  });

  it("a request that breaks twice is a failed request: the sample fails", async () => {
    const { ctx } = setup();
    let calls = 0;
    // The network edge, faked: answers after a macrotask, so (past the first 32 started at once) the re-send of call 40 is call 41.
    const probe = {
      ...ctx.probe,
      http: async () => {
        calls += 1;
        if (calls === 40 || calls === 41) throw new ProbeError("connection reset (ECONNRESET)", "ECONNRESET", undefined, true);
        await new Promise((resolve) => setImmediate(resolve));
        return { status: 200, headers: {}, body: calls % 10 === 0 ? '[{"id":1,"imageUrl":"x"}]' : '[{"id":1}]' };
      },
    };
    const outcome = await runCheck(check(1), { ...ctx, probe }, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toMatch(/^1 of \d+ requests failed or were invalid after the route was ready \(first: connection reset/);
    expect(calls).toBe(planOf(check(1)).n + 1);
  });

  it("an HTTP answer is final: a 503 is never sent again", async () => {
    let count = 0;
    const server = await startTestServer((_request, response) => {
      count += 1;
      response.writeHead(count === 30 ? 503 : 200, { "content-type": "application/json" });
      response.end('[{"id":1}]');
    });
    servers.push(server);
    const { ctx } = setup();
    const outcome = await runCheck({ ...check(server.port), valid: { status: 200 } }, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("failed");
    expect(server.requests()).toBe(planOf(check(1)).n);
    expect(outcome.details?.["transportRetries"]).toBe(0);
  });
});
