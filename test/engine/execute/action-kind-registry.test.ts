// A brand-new action kind needs only its module and one registry line: this file defines `write-file`
// here, adds it to the registry, and runs and describes it through the real runner and describer.

import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Action } from "../../../engine/lab-types.js";
import type { ActionKind, ActionKinds } from "../../../engine/execute/action-kind.js";
import { ACTION_KINDS } from "../../../engine/execute/action-kinds.js";
import { describeActionIn } from "../../../engine/execute/describe-action.js";
import { createActionRunner } from "../../../engine/execute/run-action.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

/** The new kind's data: write a text to a file (relative to the project root). */
interface WriteFileAction {
  kind: "write-file";
  path: string;
  text: string;
}

// The new kind's module: how it runs and how a person would type it.
const writeFileKind: ActionKind<WriteFileAction> = {
  run: (action, ctx) => writeFile(join(ctx.projectRoot, action.path), action.text, "utf8"),
  describe: (action) => `printf %s ${action.text} > ${action.path}`,
};

// The one registry line.
const KINDS: ActionKinds<Action | WriteFileAction> = { ...ACTION_KINDS, "write-file": writeFileKind };

const runAction = createActionRunner(KINDS);
const contexts: TestContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.ctx.probe.close()));

describe("an action kind added in a test", () => {
  it("runs through the real runner and describes itself beside the built-in kinds", async () => {
    const created = createTestContext({ projectRoot: await mkdtemp(join(tmpdir(), "write-file-")) });
    contexts.push(created);
    await runAction({ kind: "write-file", path: "marker.txt", text: "done" }, created.ctx, createTestState());
    expect(await readFile(join(created.ctx.projectRoot, "marker.txt"), "utf8")).toBe("done");
    expect(describeActionIn(KINDS, { kind: "write-file", path: "marker.txt", text: "done" })).toBe("printf %s done > marker.txt");
    expect(describeActionIn(KINDS, { kind: "istioctl", args: ["version"] })).toBe("istioctl version");
  });

  it("stops before running once the run is aborted", async () => {
    const created = createTestContext({ projectRoot: await mkdtemp(join(tmpdir(), "write-file-")) });
    contexts.push(created);
    created.abort.abort();
    await expect(runAction({ kind: "write-file", path: "marker.txt", text: "done" }, created.ctx, createTestState())).rejects.toThrow();
  });
});
