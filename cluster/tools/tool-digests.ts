import type { HostPlatform } from "./host-platform.js";
import type { ToolName } from "./tool-pins.js";

// The SHA-256 of every pinned tool artifact, kept in the repository so a download is checked against a value that
// did not come from the host that served it. No machine that wrote these could reach the download hosts, so each
// digest cites where it was read; the nightly workflow (`pins` job) re-derives every one from upstream and fails
// on a difference.

/** How far a pinned digest is corroborated. */
export type PinStatus =
  /** Two independent public sources agree. */
  | "two-sources"
  /** One public source only: used, but marked, and checked nightly against upstream. */
  | "single-source"
  /** No public copy could be read: downloads are refused unless ISTIO_LAB_ALLOW_UNPINNED=1. */
  | "unverified-source";

export interface PinnedDigest {
  sha256: string | undefined;
  status: PinStatus;
  /** Where the value was read (repository and path, or a release page). */
  sources: readonly string[];
}

const HERMIT_KIND = "cashapp/hermit-packages kind.hcl (sha256sums, commit f0517fd7)";
const PACHYDERM_KIND = "pachyderm/pachyderm private/repositories.bzl (kind_deps, v0.22.0)";
const HERMIT_HELM = "cashapp/hermit-packages helm.hcl (sha256sums, commit f0517fd7)";
const HELM_NOTES = "Helm v3.11.3 release notes, https://github.com/helm/helm/releases/tag/v3.11.3 (checksum list; read from a public copy)";
const CONSTELLATION = "edgelesssys/constellation internal/versions/versions.go (V1_23 Kubectl, sha256 of storage.googleapis.com/kubernetes-release/release/v1.23.17/bin/linux/amd64/kubectl)";
const MAC_SETUP_SCRIPT = "a public macOS setup script that hard-codes https://dl.k8s.io/release/v1.23.17/bin/darwin/<arch>/kubectl.sha256 (one source)";
const NOT_FOUND = "no public copy found when pinned; derived by the nightly `pins` job";

// Keyed by "<tool> <os>/<arch>" (toolDigestKey).
export const PINNED_DIGESTS: Readonly<Record<string, PinnedDigest>> = {
  "kind linux/amd64": { sha256: "e4264d7ee07ca642fe52818d7c0ed188b193c214889dd055c929dbcb968d1f62", status: "two-sources", sources: [HERMIT_KIND, PACHYDERM_KIND] },
  "kind linux/arm64": { sha256: "4431805115da3b54290e3e976fe2db9a7e703f116177aace6735dfa1d8a4f3fe", status: "two-sources", sources: [HERMIT_KIND, PACHYDERM_KIND] },
  "kind darwin/amd64": { sha256: "28a9f7ad7fd77922c639e21c034d0f989b33402693f4f842099cd9185b144d20", status: "two-sources", sources: [HERMIT_KIND, PACHYDERM_KIND] },
  "kind darwin/arm64": { sha256: "c8dd3b287965150ae4db668294edc48229116e95d94620c306d8fae932ee633f", status: "two-sources", sources: [HERMIT_KIND, PACHYDERM_KIND] },
  "helm linux/amd64": { sha256: "ca2d5d40d4cdfb9a3a6205dd803b5bc8def00bd2f13e5526c127e9b667974a89", status: "two-sources", sources: [HELM_NOTES, HERMIT_HELM] },
  "helm linux/arm64": { sha256: "9f58e707dcbe9a3b7885c4e24ef57edfb9794490d72705b33a93fa1f3572cce4", status: "two-sources", sources: [HELM_NOTES, HERMIT_HELM] },
  "helm darwin/amd64": { sha256: "9d029df37664b50e427442a600e4e065fa75fd74dac996c831ac68359654b2c4", status: "two-sources", sources: [HELM_NOTES, HERMIT_HELM] },
  "helm darwin/arm64": { sha256: "267e4d50b68e8854b9cc44517da9ab2f47dec39787fed9f7eba42080d61ac7f8", status: "two-sources", sources: [HELM_NOTES, HERMIT_HELM] },
  "kubectl linux/amd64": { sha256: "13ce4b18ba6e15d5d259249c530637dd7fb9722d121df022099f3ed5f2bd74cd", status: "single-source", sources: [CONSTELLATION] },
  "kubectl darwin/amd64": { sha256: "7ece6543e3ca2ae9698ef61bbb2a4e249aa21319df4ea1b27c136a9b005dd7d8", status: "single-source", sources: [MAC_SETUP_SCRIPT] },
  "kubectl darwin/arm64": { sha256: "3b4590d67b31e3a94a9633064571c981907555da5376c34960cddfcd552f6114", status: "single-source", sources: [MAC_SETUP_SCRIPT] },
  "kubectl linux/arm64": { sha256: undefined, status: "unverified-source", sources: [NOT_FOUND] },
  "istioctl linux/amd64": { sha256: undefined, status: "unverified-source", sources: [NOT_FOUND] },
  "istioctl linux/arm64": { sha256: undefined, status: "unverified-source", sources: [NOT_FOUND] },
  "istioctl darwin/amd64": { sha256: undefined, status: "unverified-source", sources: [NOT_FOUND] },
  "istioctl darwin/arm64": { sha256: undefined, status: "unverified-source", sources: [NOT_FOUND] },
};

// The key of one tool artifact in a digest table.
export function toolDigestKey(tool: ToolName, host: HostPlatform): string {
  return `${tool} ${host.os}/${host.arch}`;
}
