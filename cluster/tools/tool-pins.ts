import type { HostPlatform } from "./host-platform.js";
import { toolDigestKey } from "./tool-digests.js";
import { TOOL_NAMES, type ToolName } from "./tool-name.js";

export { TOOL_NAMES, type ToolName };

/**
 * How the published checksum file is written. All are read the same way (first token = 64 hex chars);
 * the name documents what to expect: `bare-hex` = "<hex>\n" (kubectl .sha256), `sha256sum` = "<hex>  <file>\n"
 * (kind and helm .sha256sum), `hex-space-filename` = "<hex> <file>\n" (Istio .sha256).
 */
export type ChecksumFormat = "bare-hex" | "sha256sum" | "hex-space-filename";

/** How the binary is obtained from the download. */
export type ToolLayout =
  /** The download is the binary itself. */
  | { type: "raw" }
  /** The download is a tar.gz; only `member` is kept. */
  | { type: "tar-member"; member: string }
  /** The download is a tar.gz unpacked whole; `rootDir` is kept, the binary is `rootDir/binary`. */
  | { type: "tar-tree"; rootDir: string; binary: string };

/** A tool version this project is pinned to and where it lives in the cache. */
export interface ToolPin {
  tool: ToolName;
  /** Exactly as the tool's own version command prints it. */
  version: string;
  /** Folder under `<cacheDir>/tools/`. */
  installDir: string;
  /** Path of the executable inside `installDir`. */
  binary: string;
}

/** Everything needed to fetch and verify one tool for one host. */
export interface ToolArtifact {
  pin: ToolPin;
  /** Its key in the table of pinned digests (tool-digests.ts): "<tool> <os>/<arch>". */
  digestKey: string;
  url: string;
  checksumUrl: string;
  checksumFormat: ChecksumFormat;
  layout: ToolLayout;
}

/** Where each tool is downloaded from; tests point these at a local server. */
export interface BaseUrls {
  kind: string;
  kubectl: string;
  istio: string;
  helm: string;
}

// The official download locations (install facts §1, §3, §5, §6).
export const DEFAULT_BASE_URLS: Readonly<BaseUrls> = {
  kind: "https://kind.sigs.k8s.io/dl",
  kubectl: "https://dl.k8s.io/release",
  istio: "https://github.com/istio/istio/releases/download",
  helm: "https://get.helm.sh",
};

export const ISTIO_VERSION = "1.17.8";

// The pinned versions: kind's last release with a kindest/node v1.23.17 image, kubectl matching the node,
// Istio 1.17.8 as in the book, helm within its skew window for Kubernetes 1.23.
export const TOOL_PINS: Readonly<Record<ToolName, ToolPin>> = {
  kind: { tool: "kind", version: "v0.22.0", installDir: "kind-v0.22.0", binary: "kind" },
  kubectl: { tool: "kubectl", version: "v1.23.17", installDir: "kubectl-v1.23.17", binary: "kubectl" },
  istioctl: { tool: "istioctl", version: ISTIO_VERSION, installDir: `istio-${ISTIO_VERSION}`, binary: "bin/istioctl" },
  helm: { tool: "helm", version: "v3.11.3", installDir: "helm-v3.11.3", binary: "helm" },
};

// Istio names its archives linux-amd64, linux-arm64, osx (amd64) and osx-arm64.
export function istioArchiveSuffix(host: HostPlatform): string {
  if (host.os === "darwin") return host.arch === "arm64" ? "osx-arm64" : "osx";
  return `linux-${host.arch}`;
}

// The download URL, checksum URL and archive layout of one tool for one host.
export function toolArtifact(tool: ToolName, host: HostPlatform, baseUrls: Readonly<BaseUrls> = DEFAULT_BASE_URLS): ToolArtifact {
  return { ...artifactLocation(tool, host, baseUrls), digestKey: toolDigestKey(tool, host) };
}

function artifactLocation(tool: ToolName, host: HostPlatform, baseUrls: Readonly<BaseUrls>): Omit<ToolArtifact, "digestKey"> {
  const pin = TOOL_PINS[tool];
  const { os, arch } = host;
  switch (tool) {
    case "kind": {
      const url = `${trimSlash(baseUrls.kind)}/${pin.version}/kind-${os}-${arch}`;
      return { pin, url, checksumUrl: `${url}.sha256sum`, checksumFormat: "sha256sum", layout: { type: "raw" } };
    }
    case "kubectl": {
      const url = `${trimSlash(baseUrls.kubectl)}/${pin.version}/bin/${os}/${arch}/kubectl`;
      return { pin, url, checksumUrl: `${url}.sha256`, checksumFormat: "bare-hex", layout: { type: "raw" } };
    }
    case "istioctl": {
      const url = `${trimSlash(baseUrls.istio)}/${pin.version}/istio-${pin.version}-${istioArchiveSuffix(host)}.tar.gz`;
      const layout: ToolLayout = { type: "tar-tree", rootDir: `istio-${pin.version}`, binary: "bin/istioctl" };
      return { pin, url, checksumUrl: `${url}.sha256`, checksumFormat: "hex-space-filename", layout };
    }
    case "helm": {
      const url = `${trimSlash(baseUrls.helm)}/helm-${pin.version}-${os}-${arch}.tar.gz`;
      return { pin, url, checksumUrl: `${url}.sha256sum`, checksumFormat: "sha256sum", layout: { type: "tar-member", member: `${os}-${arch}/helm` } };
    }
  }
}

// The artifacts of every pinned tool for one host.
export function toolArtifacts(host: HostPlatform, baseUrls: Readonly<BaseUrls> = DEFAULT_BASE_URLS): ToolArtifact[] {
  return TOOL_NAMES.map((tool) => toolArtifact(tool, host, baseUrls));
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
