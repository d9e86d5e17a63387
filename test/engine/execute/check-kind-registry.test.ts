// A brand-new check kind needs only its module and one registry line: this file defines `file-exists`
// here, adds it to the registry, and runs it through the real runner and describer.

import { access, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Check, CheckBase } from "../../../engine/lab-types.js";
import type { CheckKinds, PolledCheckKind } from "../../../engine/execute/check-kind.js";
import { CHECK_KINDS } from "../../../engine/execute/check-kinds.js";
import { pollTimingIn } from "../../../engine/execute/check-defaults.js";
import { describeCheckIn } from "../../../engine/execute/describe-check.js";
import { createCheckRunner } from "../../../engine/execute/run-check.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

/** The new kind's data: a file (relative to the project root) must exist. */
interface FileExistsCheck extends CheckBase {
  kind: "file-exists";
  path: string;
}

// The new kind's module: its timing, its description, its judgement.
const fileExistsKind: PolledCheckKind<FileExistsCheck> = {
  timing: { timeoutMs: 5_000, intervalMs: 20 },
  describe: (check) => ({ expected: `${check.path} exists`, command: `test -f ${check.path}` }),
  prepare: (check, ctx) => async () => {
    const found = await access(join(ctx.projectRoot, check.path)).then(() => true, () => false);
    return { ok: found, seen: found ? `${check.path} found` : `${check.path} not found` };
  },
};

// The one registry line.
const KINDS: CheckKinds<Check | FileExistsCheck> = { ...CHECK_KINDS, "file-exists": fileExistsKind };

const runCheck = createCheckRunner(KINDS);
const contexts: TestContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.ctx.probe.close()));

async function setup(): Promise<TestContext> {
  const created = createTestContext({ projectRoot: await mkdtemp(join(tmpdir(), "file-exists-")) });
  contexts.push(created);
  return created;
}

const check: FileExistsCheck = { kind: "file-exists", title: "the marker is written", path: "marker.txt", timeoutMs: 150 };

describe("a check kind added in a test", () => {
  it("fails through the real runner while its file is missing, with its own description", async () => {
    const { ctx } = await setup();
    const outcome = await runCheck(check, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome).toMatchObject({ kind: "file-exists", status: "failed", expected: "marker.txt exists", command: "test -f marker.txt", seen: "marker.txt not found" });
    expect(outcome.attempts).toBeGreaterThan(1);
  });

  it("passes once its file appears while the runner polls", async () => {
    const { ctx } = await setup();
    setTimeout(() => void writeFile(join(ctx.projectRoot, "marker.txt"), "x"), 40);
    const outcome = await runCheck({ ...check, timeoutMs: 2_000 }, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome).toMatchObject({ status: "passed", seen: "marker.txt found" });
  });

  it("takes its kind's timing and describes itself beside the built-in kinds", async () => {
    const { ctx } = await setup();
    expect(pollTimingIn(KINDS, { ...check, timeoutMs: undefined })).toEqual({ timeoutMs: 5_000, intervalMs: 20 });
    expect(describeCheckIn(KINDS, check, ctx.probe).expected).toBe("marker.txt exists");
    const object: Check = { kind: "object", title: "ns", target: { apiVersion: "v1", kind: "Namespace", name: "istioinaction" }, expect: "present" };
    expect(describeCheckIn(KINDS, object, ctx.probe).expected).toBe("Namespace/istioinaction exists");
  });

  it("is refused by the compiler when the registry lacks its line", () => {
    // @ts-expect-error a registry must name every kind of its union
    const missing: CheckKinds<Check | FileExistsCheck> = { ...CHECK_KINDS };
    expect(Object.keys(missing)).not.toContain("file-exists");
  });
});
