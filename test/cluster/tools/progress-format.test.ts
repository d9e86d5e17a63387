import { describe, expect, it } from "vitest";
import { formatBytes, formatProgressLine } from "../../../cluster/tools/progress-format.js";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [512, "512 B"],
    [1536, "1.5 KiB"],
    [15.1 * 1024 * 1024, "15.1 MiB"],
    [3 * 1024 ** 3, "3.0 GiB"],
  ])("%d → %s", (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe("formatProgressLine", () => {
  it("shows received, total and percent", () => {
    expect(formatProgressLine({ tool: "helm", receivedBytes: 3 * 1024 * 1024, totalBytes: 15 * 1024 * 1024 })).toBe("helm  3.0 MiB / 15.0 MiB  20%");
  });

  it("shows only received bytes when the total is unknown", () => {
    expect(formatProgressLine({ tool: "kind", receivedBytes: 2048, totalBytes: undefined })).toBe("kind  2.0 KiB");
  });

  it("never shows more than 100%", () => {
    expect(formatProgressLine({ tool: "kubectl", receivedBytes: 11, totalBytes: 10 })).toBe("kubectl  11 B / 10 B  100%");
  });
});
