import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomically } from "../../core/atomic-write.js";
import { LabError } from "../../core/errors.js";
import { fileWriteError } from "../../core/file-write-error.js";

describe("writing files", () => {
  it("a write that fails leaves neither the target nor a temp file, and says so as an environment failure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "istio-lab-write-"));
    mkdirSync(join(dir, "kind-config.yaml")); // a folder where the file should go: the rename fails
    const error = await writeFileAtomically(join(dir, "kind-config.yaml"), "kind: Cluster\n").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).exitCode).toBe(3);
    expect(readdirSync(dir)).toEqual(["kind-config.yaml"]);
  });

  it("replaces a file whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "istio-lab-write-"));
    writeFileSync(join(dir, "a"), "old");
    await writeFileAtomically(join(dir, "a"), "new");
    expect(readdirSync(dir)).toEqual(["a"]);
  });

  it("a full disk is exit 3 and says what to free", () => {
    const error = fileWriteError("/c/kind-config.yaml", Object.assign(new Error("no space left on device"), { code: "ENOSPC" }));
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain("The disk is full");
    expect(error.hint).toContain("Free some space");
  });
});
