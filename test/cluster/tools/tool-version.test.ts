import { describe, expect, it } from "vitest";
import { TOOL_PINS } from "../../../cluster/tools/tool-pins.js";
import { VERSION_ARGS, isPinnedVersion, parseHelmVersion, parseIstioctlVersion, parseKindVersion, parseKubectlVersion, parseToolVersion } from "../../../cluster/tools/tool-version.js";

// Output of `kubectl version --client -o json` from a real v1.23.17 binary.
const KUBECTL_1_23_17 = `{
  "clientVersion": {
    "major": "1",
    "minor": "23",
    "gitVersion": "v1.23.17",
    "gitCommit": "953be8927218ec8067e1af2641e540238ffd7576",
    "gitTreeState": "clean",
    "buildDate": "2023-02-22T13:34:27Z",
    "goVersion": "go1.19.6",
    "compiler": "gc",
    "platform": "linux/amd64"
  }
}
`;

// Newer kubectl adds kustomizeVersion.
const KUBECTL_1_28 = `{
  "clientVersion": {"major": "1", "minor": "28", "gitVersion": "v1.28.2", "platform": "darwin/arm64"},
  "kustomizeVersion": "v5.0.4-0.20230601165947-6ce0bf390ce3"
}
`;

describe("version commands", () => {
  it("are the documented client-only commands", () => {
    expect(VERSION_ARGS).toEqual({
      kind: ["version"],
      kubectl: ["version", "--client", "-o", "json"],
      istioctl: ["version", "--remote=false"],
      helm: ["version", "--template", "{{.Version}}"],
    });
  });
});

describe("version parsers", () => {
  it.each([
    ["kind v0.22.0 go1.20.13 linux/amd64\n", "v0.22.0"],
    ["kind v0.20.0 go1.20.4 darwin/arm64\n", "v0.20.0"],
    ["kind v0.23.0-alpha+5b9ab8f0 go1.21.10 linux/arm64", "v0.23.0-alpha+5b9ab8f0"],
    ["Kind version unknown", undefined],
    ["", undefined],
  ])("kind: %j → %s", (stdout, expected) => {
    expect(parseKindVersion(stdout)).toBe(expected);
  });

  it.each([
    [KUBECTL_1_23_17, "v1.23.17"],
    [KUBECTL_1_28, "v1.28.2"],
    ["WARNING: something\n" + KUBECTL_1_23_17, "v1.23.17"],
    ["Client Version: v1.23.17\n", undefined],
    ['{"clientVersion": {}}', undefined],
    ["{ not json", undefined],
  ])("kubectl: case %#", (stdout, expected) => {
    expect(parseKubectlVersion(stdout)).toBe(expected);
  });

  it.each([
    ["1.17.8\n", "1.17.8"],
    ["client version: 1.17.8\n", "1.17.8"],
    ['Istio is not present in the cluster with namespace "istio-system"\nclient version: 1.17.8\n', "1.17.8"],
    ["1.20.3\n", "1.20.3"],
    ["1.17-dev\n", undefined],
    ["", undefined],
  ])("istioctl: %j → %s", (stdout, expected) => {
    expect(parseIstioctlVersion(stdout)).toBe(expected);
  });

  it.each([
    ["v3.11.3", "v3.11.3"],
    ["v3.11.3\n", "v3.11.3"],
    ["v3.14.0-rc.1", "v3.14.0-rc.1"],
    ['version.BuildInfo{Version:"v3.11.3", GitCommit:"323249351482b3bbfc9f5004f65d400aa70f9ae7"}', undefined],
  ])("helm: %j → %s", (stdout, expected) => {
    expect(parseHelmVersion(stdout)).toBe(expected);
  });

  it("dispatches by tool", () => {
    expect(parseToolVersion("kind", "kind v0.22.0 go1.20.13 linux/amd64")).toBe("v0.22.0");
    expect(parseToolVersion("kubectl", KUBECTL_1_23_17)).toBe("v1.23.17");
    expect(parseToolVersion("istioctl", "1.17.8\n")).toBe("1.17.8");
    expect(parseToolVersion("helm", "v3.11.3")).toBe("v3.11.3");
  });
});

describe("isPinnedVersion", () => {
  it("accepts exactly the pinned version, ignoring a leading v", () => {
    expect(isPinnedVersion("v0.22.0", TOOL_PINS.kind.version)).toBe(true);
    expect(isPinnedVersion("1.17.8", TOOL_PINS.istioctl.version)).toBe(true);
    expect(isPinnedVersion("v1.17.8", TOOL_PINS.istioctl.version)).toBe(true);
  });

  it.each([["v0.22.1"], ["v0.22.0-dirty"], ["v0.2.0"], [undefined]])("rejects %s for kind v0.22.0", (reported) => {
    expect(isPinnedVersion(reported, TOOL_PINS.kind.version)).toBe(false);
  });
});
