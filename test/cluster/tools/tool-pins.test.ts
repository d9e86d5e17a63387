import { describe, expect, it } from "vitest";
import { LabError } from "../../../core/errors.js";
import { resolveHost } from "../../../cluster/tools/host-platform.js";
import { TOOL_NAMES, TOOL_PINS, toolArtifact, toolArtifacts } from "../../../cluster/tools/tool-pins.js";

const GH = "https://github.com/istio/istio/releases/download/1.17.8";

// Expected URLs written out by hand from facts/install.md, one row per Node platform/arch.
const URL_TABLE = [
  {
    node: ["linux", "x64"],
    kind: "https://kind.sigs.k8s.io/dl/v0.22.0/kind-linux-amd64",
    kubectl: "https://dl.k8s.io/release/v1.23.17/bin/linux/amd64/kubectl",
    istioctl: `${GH}/istio-1.17.8-linux-amd64.tar.gz`,
    helm: "https://get.helm.sh/helm-v3.11.3-linux-amd64.tar.gz",
    helmMember: "linux-amd64/helm",
  },
  {
    node: ["linux", "arm64"],
    kind: "https://kind.sigs.k8s.io/dl/v0.22.0/kind-linux-arm64",
    kubectl: "https://dl.k8s.io/release/v1.23.17/bin/linux/arm64/kubectl",
    istioctl: `${GH}/istio-1.17.8-linux-arm64.tar.gz`,
    helm: "https://get.helm.sh/helm-v3.11.3-linux-arm64.tar.gz",
    helmMember: "linux-arm64/helm",
  },
  {
    node: ["darwin", "x64"],
    kind: "https://kind.sigs.k8s.io/dl/v0.22.0/kind-darwin-amd64",
    kubectl: "https://dl.k8s.io/release/v1.23.17/bin/darwin/amd64/kubectl",
    istioctl: `${GH}/istio-1.17.8-osx.tar.gz`,
    helm: "https://get.helm.sh/helm-v3.11.3-darwin-amd64.tar.gz",
    helmMember: "darwin-amd64/helm",
  },
  {
    node: ["darwin", "arm64"],
    kind: "https://kind.sigs.k8s.io/dl/v0.22.0/kind-darwin-arm64",
    kubectl: "https://dl.k8s.io/release/v1.23.17/bin/darwin/arm64/kubectl",
    istioctl: `${GH}/istio-1.17.8-osx-arm64.tar.gz`,
    helm: "https://get.helm.sh/helm-v3.11.3-darwin-arm64.tar.gz",
    helmMember: "darwin-arm64/helm",
  },
] as const;

describe("toolArtifact URL table", () => {
  it.each(URL_TABLE)("$node.0/$node.1", (row) => {
    const host = resolveHost(row.node[0], row.node[1]);
    const kind = toolArtifact("kind", host);
    expect(kind.url).toBe(row.kind);
    expect(kind.checksumUrl).toBe(`${row.kind}.sha256sum`);
    expect(kind.checksumFormat).toBe("sha256sum");
    expect(kind.layout).toEqual({ type: "raw" });

    const kubectl = toolArtifact("kubectl", host);
    expect(kubectl.url).toBe(row.kubectl);
    expect(kubectl.checksumUrl).toBe(`${row.kubectl}.sha256`);
    expect(kubectl.checksumFormat).toBe("bare-hex");
    expect(kubectl.layout).toEqual({ type: "raw" });

    const istio = toolArtifact("istioctl", host);
    expect(istio.url).toBe(row.istioctl);
    expect(istio.checksumUrl).toBe(`${row.istioctl}.sha256`);
    expect(istio.checksumFormat).toBe("hex-space-filename");
    expect(istio.layout).toEqual({ type: "tar-tree", rootDir: "istio-1.17.8", binary: "bin/istioctl" });

    const helm = toolArtifact("helm", host);
    expect(helm.url).toBe(row.helm);
    expect(helm.checksumUrl).toBe(`${row.helm}.sha256sum`);
    expect(helm.checksumFormat).toBe("sha256sum");
    expect(helm.layout).toEqual({ type: "tar-member", member: row.helmMember });
  });

  it("pins the versions from the brief", () => {
    expect(Object.fromEntries(TOOL_NAMES.map((tool) => [tool, TOOL_PINS[tool].version]))).toEqual({
      kind: "v0.22.0",
      kubectl: "v1.23.17",
      istioctl: "1.17.8",
      helm: "v3.11.3",
    });
  });

  it("uses injected base URLs, tolerating a trailing slash", () => {
    const host = resolveHost("linux", "x64");
    const urls = toolArtifacts(host, { kind: "http://127.0.0.1:1/k/", kubectl: "http://127.0.0.1:1/c", istio: "http://127.0.0.1:1/i", helm: "http://127.0.0.1:1/h/" }).map((a) => a.url);
    expect(urls).toEqual([
      "http://127.0.0.1:1/k/v0.22.0/kind-linux-amd64",
      "http://127.0.0.1:1/c/v1.23.17/bin/linux/amd64/kubectl",
      "http://127.0.0.1:1/i/1.17.8/istio-1.17.8-linux-amd64.tar.gz",
      "http://127.0.0.1:1/h/helm-v3.11.3-linux-amd64.tar.gz",
    ]);
  });
});

describe("resolveHost", () => {
  it.each([
    ["win32", "x64", "WSL2"],
    ["linux", "ia32", "Linux or macOS"],
    ["freebsd", "x64", "Linux or macOS"],
  ])("refuses %s/%s as an environment error with a hint", (platform, arch, hintWord) => {
    let caught: unknown;
    try {
      resolveHost(platform, arch);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LabError);
    const error = caught as LabError;
    expect(error.kind).toBe("environment");
    expect(error.message).toContain(`${platform}/${arch}`);
    expect(error.hint).toContain(hintWord);
  });
});
