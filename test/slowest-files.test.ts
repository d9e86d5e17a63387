import { describe, expect, it } from "vitest";
import { formatSlowest, slowestFiles } from "./slowest-files.js";

describe("slowestFiles", () => {
  it("keeps the slowest, slowest first, ties by name", () => {
    const times = [{ file: "b", ms: 5 }, { file: "a", ms: 5 }, { file: "c", ms: 90 }, { file: "d", ms: 1 }];
    expect(slowestFiles(times, 3).map((time) => time.file)).toEqual(["c", "a", "b"]);
    expect(slowestFiles(times)).toHaveLength(4);
  });

  it("prints seconds, aligned", () => {
    expect(formatSlowest([{ file: "test/x.test.ts", ms: 12_345 }, { file: "test/y.test.ts", ms: 800 }])).toBe(
      "Slowest 2 test files (import + tests):\n  12.3 s  test/x.test.ts\n   0.8 s  test/y.test.ts",
    );
  });
});
