import { afterEach, describe, expect, it } from "vitest";
import { runAction } from "../../../engine/execute/run-action.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

const servers: TestServer[] = [];
const contexts: TestContext[] = [];
afterEach(async () => {
  contexts.splice(0).forEach((c) => c.ctx.probe.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("traffic", () => {
  it("sends requests in the background until stopped and counts failures", async () => {
    let count = 0;
    const server = await startTestServer((_request, response) => {
      count += 1;
      response.writeHead(count % 2 === 0 ? 500 : 200);
      response.end("x");
    });
    servers.push(server);
    const created = createTestContext();
    contexts.push(created);
    const state = createTestState();
    await runAction({ kind: "traffic", mode: "start", id: "load", request: { port: server.port, path: "/" }, intervalMs: 5 }, created.ctx, state);
    while (server.requests() < 6) await new Promise((resolve) => setTimeout(resolve, 5));
    const handle = state.traffic.get("load");
    expect(handle).toBeDefined();
    await runAction({ kind: "traffic", mode: "stop", id: "load" }, created.ctx, state);
    expect(state.traffic.size).toBe(0);
    const after = server.requests();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.requests()).toBe(after);
    const counts = await handle?.stop();
    expect(counts?.sent).toBe(after);
    expect(counts?.failed).toBe(Math.floor(after / 2));
    expect(created.logs.some((line) => line.includes(`traffic load stopped: ${after} sent`))).toBe(true);
  });

  it("treats stopping an unknown id as a no-op", async () => {
    const created = createTestContext();
    contexts.push(created);
    await expect(runAction({ kind: "traffic", mode: "stop", id: "never-started" }, created.ctx, createTestState())).resolves.toBeUndefined();
  });
});
