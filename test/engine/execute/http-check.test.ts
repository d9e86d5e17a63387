import { afterEach, describe, expect, it } from "vitest";
import type { HttpCheck } from "../../../engine/lab-types.js";
import { runCheck } from "../../../engine/execute/run-check.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

const servers: TestServer[] = [];
const contexts: TestContext[] = [];
afterEach(async () => {
  contexts.splice(0).forEach((c) => c.ctx.probe.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function catalogServer(body: (host: string | undefined) => string, status = 200): Promise<TestServer> {
  const server = await startTestServer((request, response) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(body(request.headers.host));
  });
  servers.push(server);
  return server;
}

function setup(): TestContext {
  const created = createTestContext();
  contexts.push(created);
  return created;
}

const options = () => ({ stepStartedAt: new Date() });

describe("http check", () => {
  it("passes on the expected status and body, sending the Host header", async () => {
    const server = await catalogServer((host) => (host === "webapp.istioinaction.io" ? '[{"id":1,"name":"Elinor Glasses"}]' : "wrong host"));
    const { ctx } = setup();
    const check: HttpCheck = {
      kind: "http",
      title: "webapp answers",
      request: { port: server.port, path: "/api/catalog", host: "webapp.istioinaction.io" },
      expect: { status: 200, body: [{ op: "json-path", path: "$[0].name", matcher: { op: "equals", value: "Elinor Glasses" } }] },
    };
    const outcome = await runCheck(check, ctx, createTestState(), options());
    expect(outcome.status).toBe("passed");
    expect(outcome.attempts).toBe(1);
    expect(outcome.command).toBe(`curl -s -H 'Host: webapp.istioinaction.io' http://127.0.0.1:${server.port}/api/catalog`);
  });

  it("fails after its deadline with expected, seen and command filled", async () => {
    const server = await catalogServer(() => "no healthy upstream", 503);
    const { ctx } = setup();
    const check: HttpCheck = {
      kind: "http",
      title: "catalog answers 200",
      request: { port: server.port, path: "/items", host: "catalog.istioinaction.io" },
      expect: { status: 200 },
      timeoutMs: 400,
      intervalMs: 50,
    };
    const started = Date.now();
    const outcome = await runCheck(check, ctx, createTestState(), options());
    expect(outcome.status).toBe("failed");
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(outcome.attempts).toBeGreaterThan(2);
    expect(outcome.attempts).toBe(server.requests());
    expect(outcome.expected).toBe("HTTP 200");
    expect(outcome.seen).toContain("HTTP 503");
    expect(outcome.seen).toContain("no healthy upstream");
    expect(outcome.command).toContain("curl -s -H 'Host: catalog.istioinaction.io'");
  });

  it("with singleAttempt sends exactly one request", async () => {
    const server = await catalogServer(() => "v1", 500);
    const { ctx } = setup();
    const check: HttpCheck = { kind: "http", title: "t", request: { port: server.port, path: "/" }, expect: { status: 200 }, timeoutMs: 5_000, intervalMs: 10 };
    const outcome = await runCheck(check, ctx, createTestState(), { ...options(), singleAttempt: true });
    expect(outcome.status).toBe("failed");
    expect(outcome.attempts).toBe(1);
    expect(server.requests()).toBe(1);
  });

  it("with repeat judges one sample: a violation after the first ready answer is final, never re-sampled into a clean streak", async () => {
    let count = 0;
    const server = await catalogServer(() => (++count === 3 ? '[{"imageUrl":"x"}]' : "[{}]"));
    const { ctx } = setup();
    const check: HttpCheck = {
      kind: "http",
      title: "no v2",
      request: { port: server.port, path: "/" },
      repeat: 5,
      expect: { status: 200, body: [{ op: "not-contains", value: "imageUrl" }] },
      timeoutMs: 5_000,
      intervalMs: 10,
    };
    const outcome = await runCheck(check, ctx, createTestState(), options());
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain("1 of 5 responses broke the claim");
    expect(outcome.seen).toContain("request 3:");
    expect(outcome.details).toMatchObject({ sample: 5, matched: 4, violations: 1 });
    expect(outcome.attempts).toBe(1);
    expect(server.requests()).toBe(5);
    const again = await runCheck({ ...check, mirrorSide: "served" }, ctx, createTestState(), options());
    expect(again).toMatchObject({ status: "passed", kind: "http", mirrorSide: "served", details: { requests: 5, matched: 5 } });
  });

  it("with repeat polls only while the route is not ready (unexpected status), then judges one sample that starts with the ready answer", async () => {
    let count = 0;
    const server = await startTestServer((_request, response) => {
      count += 1;
      response.writeHead(count <= 2 ? 503 : 200);
      response.end(count <= 2 ? "no healthy upstream" : "[{}]");
    });
    servers.push(server);
    const { ctx } = setup();
    const check: HttpCheck = { kind: "http", title: "no v2", request: { port: server.port, path: "/" }, repeat: 4, expect: { status: 200, body: [{ op: "not-contains", value: "imageUrl" }] }, timeoutMs: 5_000, intervalMs: 10 };
    const outcome = await runCheck(check, ctx, createTestState(), options());
    expect(outcome.status).toBe("passed");
    expect(outcome.attempts).toBe(3);
    expect(server.requests()).toBe(2 + 4);
    expect(outcome.seen).toContain("4 of 4 responses matched");
  });

  it("with repeat fails on an unexpected status inside the sample (only the first answer may wait)", async () => {
    let count = 0;
    const server = await startTestServer((_request, response) => {
      count += 1;
      response.writeHead(count === 2 ? 500 : 200);
      response.end("[{}]");
    });
    servers.push(server);
    const { ctx } = setup();
    const check: HttpCheck = { kind: "http", title: "all 200", request: { port: server.port, path: "/" }, repeat: 3, expect: { status: 200 }, timeoutMs: 5_000, intervalMs: 10 };
    const outcome = await runCheck(check, ctx, createTestState(), options());
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain("1 of 3 responses broke the claim");
    expect(server.requests()).toBe(3);
  });

  it("with an error expectation passes only when the request fails with a matching error", async () => {
    const server = await catalogServer(() => "ok");
    const port = server.port;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const { ctx } = setup();
    const refused: HttpCheck = { kind: "http", title: "refused", request: { port, path: "/" }, expect: { error: { op: "contains", value: "connection refused" } } };
    expect((await runCheck(refused, ctx, createTestState(), { ...options(), singleAttempt: true })).status).toBe("passed");
    const live = await catalogServer(() => "ok");
    const answered = await runCheck({ ...refused, request: { port: live.port, path: "/" } }, ctx, createTestState(), { ...options(), singleAttempt: true });
    expect(answered.status).toBe("failed");
    expect(answered.seen).toContain("expected to fail");
  });
});
