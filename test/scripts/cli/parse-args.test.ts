import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../../scripts/cli/parse-args.js";
import { LabError } from "../../../core/errors.js";

function usageMessage(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).exitCode).toBe(2);
    return (error as LabError).message;
  }
  throw new Error("expected a usage error");
}

describe("command-line arguments", () => {
  it("reads a lab id and its flags", () => {
    const args = parseCliArgs(["ch5-mirror", "--dry-run", "--self-test", "--report", "out", "--probe", "curl"]);
    expect(args).toMatchObject({ target: "ch5-mirror", dryRun: true, selfTest: true, report: "out", probe: "curl", fast: false });
  });

  it("splits --only and --skip lists on commas and repeats", () => {
    const args = parseCliArgs(["all", "--only", "ch5-mirror,ch5-routing", "--only", "ch5-canary", "--skip", "ch5-routing"]);
    expect(args.only).toEqual(["ch5-mirror", "ch5-routing", "ch5-canary"]);
    expect(args.skip).toEqual(["ch5-routing"]);
  });

  it("rejects unknown flags, bad --probe values and two positionals as usage errors", () => {
    expect(usageMessage(["ch5-mirror", "--fats"])).toContain("--fats");
    expect(usageMessage(["ch5-mirror", "--probe", "wget"])).toContain("--probe must be 'node' or 'curl'");
    expect(usageMessage(["ch5-mirror", "ch5-routing"])).toContain("Expected one lab id or verb");
  });

  it("takes the folder after `report` and nothing more", () => {
    expect(parseCliArgs(["report", "reports"])).toMatchObject({ target: "report", operand: "reports" });
    expect(parseCliArgs(["ch5-mirror"]).operand).toBeUndefined();
    expect(usageMessage(["report", "a", "b"])).toContain("Expected one lab id or verb");
  });
});
