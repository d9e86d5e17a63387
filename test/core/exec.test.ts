import { describe, expect, it } from "vitest";
import { createExec } from "../../core/exec.js";
import { LabError } from "../../core/errors.js";

// Real processes (node itself), so the execa results are the real ones.
const node = process.execPath;

describe("createExec", () => {
  it("says a command that ran past its timeout was stopped (a failed step, not 'could not be started')", async () => {
    const exec = createExec();
    const error = await exec(node, ["-e", "console.error('waiting for pods'); setTimeout(() => {}, 10000)"], { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).kind).toBe("failed");
    expect((error as LabError).message).toContain("did not finish within 0.3 s and was stopped");
    expect((error as LabError).message).not.toContain("could not be started");
    expect((error as LabError).message).toContain("waiting for pods");
  });

  it("a timeout is reported even with allowFailure (there is no exit code to return)", async () => {
    const exec = createExec();
    const error = await exec(node, ["-e", "setTimeout(() => {}, 10000)"], { timeoutMs: 200, allowFailure: true }).catch((e: unknown) => e);
    expect((error as LabError).message).toContain("was stopped");
  });

  it("rethrows the abort reason when the run is interrupted", async () => {
    const exec = createExec();
    const controller = new AbortController();
    const reason = new Error("interrupted by Ctrl-C");
    setTimeout(() => controller.abort(reason), 200);
    const error = await exec(node, ["-e", "setTimeout(() => {}, 10000)"], { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBe(reason);
  });

  it("names the signal that killed a command", async () => {
    const exec = createExec();
    const error = await exec(node, ["-e", "process.kill(process.pid, 'SIGKILL')"]).catch((e: unknown) => e);
    expect((error as LabError).kind).toBe("failed");
    expect((error as LabError).message).toContain("was killed by SIGKILL");
  });

  it("still says 'not installed' for a program that does not exist", async () => {
    const exec = createExec();
    const error = await exec("istio-lab-no-such-program", []).catch((e: unknown) => e);
    expect((error as LabError).kind).toBe("environment");
    expect((error as LabError).message).toContain("not installed or not on PATH");
  });
});
