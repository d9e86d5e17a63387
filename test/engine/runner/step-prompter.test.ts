import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import prompts from "prompts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStepPrompter, formatStepPreview } from "../../../engine/runner/step-prompter.js";
import { pickLab } from "../../../engine/runner/lab-picker.js";
import type { StepPreview } from "../../../engine/runner/run-options.js";
import { passingLab } from "./helpers/fake-labs.js";
import { previewStep } from "../../../engine/runner/step-preview.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "istio-lab-prompter-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function preview(manifests: string[]): StepPreview {
  return { labId: "ch5-mirror", index: 2, total: 4, title: "Mirror to v2", why: "see v2 without risk", commands: ["kubectl apply -f labs/ch5-mirror/vs.yaml"], manifests };
}

describe("step prompter", () => {
  it("shows title, why and commands, prints the manifest on request, then returns the choice", async () => {
    const file = join(dir, "vs.yaml");
    await writeFile(file, "kind: VirtualService\nmetadata:\n  name: catalog\n");
    const printed: string[] = [];
    prompts.inject(["manifest", "run"]);
    const choice = await createStepPrompter({ print: (text) => printed.push(text), projectRoot: dir }).beforeStep(preview([file]));
    expect(choice).toBe("run");
    expect(printed[0]).toContain("Step 2/4 of ch5-mirror: Mirror to v2");
    expect(printed[0]).toContain("why: see v2 without risk");
    expect(printed[0]).toContain("$ kubectl apply -f labs/ch5-mirror/vs.yaml");
    expect(printed[1]).toBe("--- # vs.yaml\nkind: VirtualService\nmetadata:\n  name: catalog");
  });

  it("treats a cancelled prompt as quit and returns skip as chosen", async () => {
    prompts.inject([new Error("cancelled (Esc or Ctrl-C)")]);
    expect(await createStepPrompter({ print: () => {} }).beforeStep(preview([]))).toBe("quit");
    prompts.inject(["skip"]);
    expect(await createStepPrompter({ print: () => {} }).beforeStep(preview([]))).toBe("skip");
  });

  it("previews the manifests a step applies, relative to the project", () => {
    const lab = passingLab(1);
    const step = { ...lab.steps({ fast: false })[0]!, actions: [{ kind: "apply" as const, file: "labs/x/a.yaml" }, { kind: "delete" as const, file: "labs/x/a.yaml" }] };
    const built = previewStep("lab", step, 0, 3, ["kubectl apply -f labs/x/a.yaml"], "/proj");
    expect(built).toMatchObject({ index: 1, total: 3, manifests: ["/proj/labs/x/a.yaml"] });
    expect(formatStepPreview(built)).toContain("Step 1/3 of lab");
  });

  it("picks a lab from the list", async () => {
    const labs = [passingLab(1, "lab-a"), passingLab(1, "lab-b")];
    prompts.inject(["lab-b"]);
    expect((await pickLab(labs))?.id).toBe("lab-b");
    prompts.inject([new Error("cancelled (Esc or Ctrl-C)")]);
    expect(await pickLab(labs)).toBeUndefined();
  });
});
