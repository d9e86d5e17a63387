import { describe, expect, it } from "vitest";
import { createProbeExec } from "../../core/exec-probe.js";
import { CommandTimeoutError, ExecError } from "../../core/exec.js";
import { LabError } from "../../core/errors.js";

const exec = createProbeExec();
const node = process.execPath;

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (error: unknown) => error);
}

describe("the light process edge (doctor's probes)", () => {
  it("returns exit code, stdout and stderr, the command line as a person types it, and input on stdin", async () => {
    const result = await exec(node, ["-e", "process.stdin.pipe(process.stdout); console.error('err')"], { input: "hello" });
    expect(result).toEqual({ command: `${node} -e 'process.stdin.pipe(process.stdout); console.error('"'"'err'"'"')'`, exitCode: 0, stdout: "hello", stderr: "err\n" });
  });

  it("a non-zero exit is an ExecError, or a result with allowFailure", async () => {
    expect(await failure(exec(node, ["-e", "process.exit(3)"]))).toBeInstanceOf(ExecError);
    expect((await exec(node, ["-e", "process.exit(3)"], { allowFailure: true })).exitCode).toBe(3);
  });

  it("a missing program is an environment error that says it is not installed", async () => {
    const error = (await failure(exec("no-such-program-istio-lab", ["version"]))) as LabError;
    expect(error).toBeInstanceOf(LabError);
    expect(error.kind).toBe("environment");
    expect(error.message).toContain("'no-such-program-istio-lab' could not be started: it is not installed or not on PATH.");
  });

  it("a command that outlives its timeout is stopped and called hung, not missing", async () => {
    const error = await failure(exec(node, ["-e", "setTimeout(() => {}, 10000)"], { timeoutMs: 200 }));
    expect(error).toBeInstanceOf(CommandTimeoutError);
  });

  it("passes extra environment variables on top of the process's own", async () => {
    const result = await exec(node, ["-e", "console.log(process.env.PROBE_TEST + ' ' + (process.env.PATH ? 'path' : 'none'))"], { env: { PROBE_TEST: "set" } });
    expect(result.stdout).toBe("set path\n");
  });
});
