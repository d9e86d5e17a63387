// The docker action, the istioctl action's working folder, the istioctl check and the mesh-config options, at
// the process edge: a fake Exec that records each command with the options it ran with.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ExecError, type Exec, type ExecOptions, type ExecResult } from "../../../core/exec.js";
import { formatCommand } from "../../../core/shell-quote.js";
import { resolveDockerArgs } from "../../../engine/execute/actions/docker-action.js";
import { describeAction, describeCheck } from "../../../engine/execute/describe-action.js";
import { operatorFileName } from "../../../engine/execute/operator-file.js";
import { runAction } from "../../../engine/execute/run-action.js";
import { runCheck } from "../../../engine/execute/run-check.js";
import type { IstioctlCheck } from "../../../engine/lab-types.js";
import { FakeKube } from "../../fakes/fake-kube.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

interface Ran {
  command: string;
  options: ExecOptions;
}

// A process edge answering every command with `answer` and recording what ran, with its options.
function recordingExec(answer: (file: string, args: readonly string[]) => Partial<ExecResult> | Error): { exec: Exec; ran: Ran[] } {
  const ran: Ran[] = [];
  const exec: Exec = async (file, args, options = {}) => {
    const command = formatCommand(file, args);
    ran.push({ command, options });
    const canned = answer(file, args);
    if (canned instanceof Error) throw canned;
    const result: ExecResult = { command, exitCode: canned.exitCode ?? 0, stdout: canned.stdout ?? "", stderr: canned.stderr ?? "" };
    if (result.exitCode !== 0 && options.allowFailure !== true) throw new ExecError(result);
    return result;
  };
  return { exec, ran };
}

const contexts: TestContext[] = [];
function context(exec: Exec, kube?: FakeKube): TestContext {
  const created = createTestContext({ exec, projectRoot: "/work/lab-root", ...(kube === undefined ? {} : { kube }) });
  contexts.push(created);
  return created;
}
afterEach(() => contexts.splice(0).forEach((c) => c.ctx.probe.close()));

describe("docker action", () => {
  const run = ["run", "-d", "--name", "ch3-proxy", "-v", "{projectRoot}/labs/ch3-envoy/simple.envoy.yaml:/etc/envoy/envoy.yaml:ro", "envoyproxy/envoy:v1.19.0"];

  it("runs docker in the project root with {projectRoot} replaced by its absolute path", async () => {
    const { exec, ran } = recordingExec(() => ({ stdout: "0123abcd\n" }));
    const { ctx } = context(exec);
    await runAction({ kind: "docker", args: run }, ctx, createTestState());
    expect(ran.map((r) => r.command)).toEqual([
      "docker run -d --name ch3-proxy -v /work/lab-root/labs/ch3-envoy/simple.envoy.yaml:/etc/envoy/envoy.yaml:ro envoyproxy/envoy:v1.19.0",
    ]);
    expect(ran[0]?.options.cwd).toBe("/work/lab-root");
    expect(resolveDockerArgs(["{projectRoot}", "a{projectRoot}b{projectRoot}"], "/r")).toEqual(["/r", "a/rb/r"]);
  });

  it("fails on a non-zero exit, unless the action ignores failures (absent containers at cleanup)", async () => {
    const { exec } = recordingExec(() => ({ exitCode: 1, stderr: "Error: No such container: ch3-proxy\n" }));
    const { ctx, logs } = context(exec);
    await expect(runAction({ kind: "docker", args: ["rm", "-f", "ch3-proxy"] }, ctx, createTestState())).rejects.toThrow(/No such container/);
    await expect(runAction({ kind: "docker", args: ["rm", "-f", "ch3-proxy"], ignoreFailure: true }, ctx, createTestState())).resolves.toBeUndefined();
    expect(logs.join("\n")).toContain("docker rm exited with 1 (ignored): Error: No such container: ch3-proxy");
  });

  it("a missing docker binary still fails, ignoreFailure or not", async () => {
    const { exec } = recordingExec(() => Object.assign(new Error("spawn docker ENOENT"), { code: "ENOENT" }));
    const { ctx } = context(exec);
    await expect(runAction({ kind: "docker", args: ["ps"], ignoreFailure: true }, ctx, createTestState())).rejects.toThrow(/ENOENT/);
  });

  it("prints as typed in the project root: $PWD for the root, || true for ignored failures", () => {
    expect(describeAction({ kind: "docker", args: run })).toBe(
      'docker run -d --name ch3-proxy -v "$PWD/labs/ch3-envoy/simple.envoy.yaml:/etc/envoy/envoy.yaml:ro" envoyproxy/envoy:v1.19.0',
    );
    expect(describeAction({ kind: "docker", args: ["network", "rm", "envoymesh"], ignoreFailure: true })).toBe("docker network rm envoymesh || true");
  });
});

describe("istioctl action", () => {
  it("runs in the project root, so `-f labs/...` names the lab's file", async () => {
    const { exec, ran } = recordingExec(() => ({ stdout: "✔ Installation complete\n" }));
    const { ctx } = context(exec);
    await runAction({ kind: "istioctl", args: ["install", "-y", "-n", "istioinaction", "-f", "labs/ch4-split-gateway/my-user-gateway.yaml"] }, ctx, createTestState());
    expect(ran[0]?.command).toBe("istioctl install -y -n istioinaction -f labs/ch4-split-gateway/my-user-gateway.yaml --context kind-myk8s");
    expect(ran[0]?.options.cwd).toBe("/work/lab-root");
  });
});

describe("istioctl check", () => {
  const analyze: IstioctlCheck = {
    kind: "istioctl",
    title: "analyze reports IST0101",
    args: ["analyze", "-n", "istioinaction", "-o", "log"],
    exitCodes: [0, 79],
    expect: [{ op: "regex", value: "IST0101.*ops-query-vs.*devops-gateway" }],
  };
  const ist0101 = 'Error [IST0101] (VirtualService istioinaction/ops-query-vs) Referenced gateway not found: "istio-system/devops-gateway"\n';
  const clean = "✔ No validation issues found when analyzing namespace: istioinaction.\n";

  async function outcome(check: IstioctlCheck, answer: Partial<ExecResult>) {
    const { exec, ran } = recordingExec(() => answer);
    const { ctx } = context(exec);
    const result = await runCheck(check, ctx, createTestState(), { stepStartedAt: new Date(), singleAttempt: true });
    return { result, ran };
  }

  it("passes on analyze's IST0101 line with exit 79 (issues found), in the project root with the lab context", async () => {
    const { result, ran } = await outcome(analyze, { exitCode: 79, stdout: ist0101, stderr: "Error: Analyzers found issues when analyzing namespace: istioinaction.\n" });
    expect(result.status, result.seen).toBe("passed");
    expect(ran[0]?.command).toBe("istioctl analyze -n istioinaction -o log --context kind-myk8s");
    expect(ran[0]?.options.cwd).toBe("/work/lab-root");
  });

  it("fails on a clean namespace (the success line is on stderr) and on an exit code it does not accept", async () => {
    const cleanRun = await outcome(analyze, { stderr: clean });
    expect(cleanRun.result.status).toBe("failed");
    expect(cleanRun.result.seen).toContain("No validation issues found");
    const broken = await outcome(analyze, { exitCode: 1, stdout: ist0101, stderr: "Error: failed to connect\n" });
    expect(broken.result.status).toBe("failed");
    expect(broken.result.seen).toMatch(/^istioctl exited with 1 \(accepted: 0, 79\)/);
  });

  it("a not-contains check passes on the clean output and fails on the IST0101 line", async () => {
    const fixed: IstioctlCheck = { ...analyze, expect: [{ op: "not-contains", value: "IST0101" }] };
    expect((await outcome(fixed, { stderr: clean })).result.status).toBe("passed");
    expect((await outcome(fixed, { exitCode: 79, stdout: ist0101 })).result.status).toBe("failed");
  });

  it("describes the command a person types, without --context", () => {
    const { ctx } = context(recordingExec(() => ({})).exec);
    expect(describeCheck(analyze, ctx.probe)).toEqual({
      expected: "output (exit 0 or 79) matches /IST0101.*ops-query-vs.*devops-gateway/",
      command: "istioctl analyze -n istioinaction -o log",
    });
  });
});

describe("mesh-config options", () => {
  function istiod(): FakeKube {
    const kube = new FakeKube();
    kube.put({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "istiod", namespace: "istio-system", generation: 1 },
      spec: { replicas: 1 },
      status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 },
    });
    return kube;
  }

  it("renders istiod env and the access log file into their own operator file", async () => {
    const { exec, ran } = recordingExec(() => ({}));
    const { ctx } = context(exec, istiod());
    const state = { ...createTestState(), workDir: mkdtempSync(join(tmpdir(), "mesh-options-")) };
    await runAction({ kind: "mesh-config", outboundTrafficPolicy: "ALLOW_ANY", pilotEnv: { PILOT_FILTER_GATEWAY_CLUSTER_CONFIG: "true" } }, ctx, state);
    await runAction({ kind: "mesh-config", outboundTrafficPolicy: "ALLOW_ANY", accessLogFile: "" }, ctx, state);
    const trimFile = join(state.workDir, "istio-operator-allow-any-pilot-env.yaml");
    const quietFile = join(state.workDir, "istio-operator-allow-any-no-access-log.yaml");
    expect(ran.map((r) => r.command)).toEqual([`istioctl install -y --context kind-myk8s -f ${trimFile}`, `istioctl install -y --context kind-myk8s -f ${quietFile}`]);
    const trim = parse(readFileSync(trimFile, "utf8")) as { spec: { meshConfig: { accessLogFile: string }; components: { pilot?: { k8s: { env: unknown[] } } } } };
    expect(trim.spec.components.pilot?.k8s.env).toEqual([{ name: "PILOT_FILTER_GATEWAY_CLUSTER_CONFIG", value: "true" }]);
    expect(trim.spec.meshConfig.accessLogFile).toBe("/dev/stdout");
    const quiet = parse(readFileSync(quietFile, "utf8")) as { spec: { meshConfig: { accessLogFile: string }; components: { pilot?: unknown } } };
    expect(quiet.spec.meshConfig.accessLogFile).toBe("");
    expect(quiet.spec.components.pilot).toBeUndefined();
  });

  it("names each variant's file apart, and describes the install with it", () => {
    expect(operatorFileName("ALLOW_ANY")).toBe("istio-operator-allow-any.yaml");
    expect(operatorFileName("REGISTRY_ONLY", { accessLogFile: "/dev/stdout", pilotEnv: { A: "1" } })).toBe("istio-operator-registry-only-access-log-pilot-env.yaml");
    expect(describeAction({ kind: "mesh-config", outboundTrafficPolicy: "ALLOW_ANY", accessLogFile: "" }, undefined, { workDir: "/tmp/run" })).toBe(
      "istioctl install -y -f /tmp/run/istio-operator-allow-any-no-access-log.yaml",
    );
  });
});
