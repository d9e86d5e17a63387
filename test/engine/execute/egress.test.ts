import { afterEach, describe, expect, it } from "vitest";
import { environmentError } from "../../../core/errors.js";
import type { ExecCheck } from "../../../engine/lab-types.js";
import { runCheck } from "../../../engine/execute/run-check.js";
import { FakeKube } from "../../fakes/fake-kube.js";
import { createFakeExec, type CannedAnswer, type ExecHandler } from "../../fakes/fake-exec.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

const NS = "istioinaction";
const contexts: TestContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.ctx.probe.close()));

const check: ExecCheck = {
  kind: "exec",
  title: "webapp reaches the internet",
  workload: { namespace: NS, deployment: "webapp" },
  container: "webapp",
  command: ["sh", "-c", "wget -q -O /dev/null https://example.org && echo reachable || echo blocked"],
  expect: [{ op: "contains", value: "reachable" }],
  needsEgress: true,
  timeoutMs: 200,
  intervalMs: 20,
};

// A webapp whose exec says "reachable": the check would pass if it ran.
function setup(answer: ExecHandler) {
  const kube = new FakeKube({ exec: () => ({ stdout: "reachable\n", stderr: "", exitCode: 0 }) });
  kube.put({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "webapp", namespace: NS }, spec: { selector: { matchLabels: { app: "webapp" } } } });
  kube.put({ apiVersion: "v1", kind: "Pod", metadata: { name: "webapp-1", namespace: NS, labels: { app: "webapp" } }, status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } });
  const fake = createFakeExec(answer);
  const created = createTestContext({ kube, exec: fake.exec });
  contexts.push(created);
  return { ...created, commands: fake.commands };
}

const USERS = JSON.stringify([{ id: 1, name: "Leanne Graham", email: "Sincere@april.biz" }]);
const JSON_URL = "http://jsonplaceholder.typicode.com/users";
const GITHUB_URL = "https://raw.githubusercontent.com/istio/istio/1.17.8/README.md";

// The node's curl answer per URL: body, newline, status (as `-w '\n%{http_code}'` prints them); others get none.
function perUrl(byUrl: Record<string, CannedAnswer>) {
  return (_file: string, args: readonly string[]): CannedAnswer => byUrl[args.at(-1) ?? ""] ?? { exitCode: 7, stdout: "\n000" };
}

describe("needsEgress", () => {
  it("is skipped, not passed, when the node gets no HTTP answer, and asks only once per run", async () => {
    const { ctx, kube, commands } = setup(() => ({ exitCode: 28, stdout: "\n000" }));
    const state = createTestState();
    const outcome = await runCheck(check, ctx, state, { stepStartedAt: new Date() });
    expect(outcome.status).toBe("skipped");
    expect(outcome.seen).toMatch(/^the cluster cannot reach the internet as the lab needs \(/);
    expect(state.egress).toBe(false);
    expect(kube.execs).toHaveLength(0);
    expect(commands.sort()).toEqual([
      `docker exec myk8s-control-plane curl -s -m 5 -w '\\n%{http_code}' ${JSON_URL}`,
      `docker exec myk8s-control-plane curl -s -m 5 -w '\\n%{http_code}' ${GITHUB_URL}`,
    ]);
    await runCheck(check, ctx, state, { stepStartedAt: new Date() });
    expect(commands).toHaveLength(2);
  });

  it("is skipped when docker itself cannot run", async () => {
    const { ctx } = setup(() => environmentError("'docker' could not be started: it is not installed or not on PATH."));
    const outcome = await runCheck(check, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("skipped");
  });

  it("runs the check when both hosts answer what the lab needs", async () => {
    const { ctx, kube } = setup(perUrl({ [JSON_URL]: { stdout: `${USERS}\n200` }, [GITHUB_URL]: { stdout: "# Istio\n200" } }));
    const state = createTestState();
    const outcome = await runCheck(check, ctx, state, { stepStartedAt: new Date() });
    expect(state.egress).toBe(true);
    expect(outcome.status).toBe("passed");
    expect(kube.execs[0]?.pod).toBe("webapp-1");
  });

  it.each([
    ["jsonplaceholder's Cloudflare 403 challenge", { [JSON_URL]: { stdout: "<html>Just a moment...</html>\n403" }, [GITHUB_URL]: { stdout: "# Istio\n200" } }, /jsonplaceholder.*HTTP 403/],
    ["a 200 that is not the users JSON", { [JSON_URL]: { stdout: "<html>captcha</html>\n200" }, [GITHUB_URL]: { stdout: "# Istio\n200" } }, /200 but not the users JSON/],
    ["users JSON but raw.githubusercontent.com unreachable", { [JSON_URL]: { stdout: `${USERS}\n200` } }, /githubusercontent.*no HTTP answer/],
    ["raw.githubusercontent.com rate-limited", { [JSON_URL]: { stdout: `${USERS}\n200` }, [GITHUB_URL]: { stdout: "429: Too Many Requests\n429" } }, /githubusercontent.*HTTP 429/],
  ])("is skipped (incomplete, not failed) on %s", async (_name, byUrl, reason) => {
    const { ctx, kube } = setup(perUrl(byUrl));
    const state = createTestState();
    const outcome = await runCheck(check, ctx, state, { stepStartedAt: new Date() });
    expect(outcome.status).toBe("skipped");
    expect(outcome.seen).toMatch(reason);
    expect(kube.execs).toHaveLength(0);
  });
});
