import type { HostPlatform } from "./host-platform.js";
import type { ToolName } from "./tool-name.js";

// The SHA-256 of every tool artifact pinned in this repository, so a download is checked against a value that did
// not come from the host that served it. A pin needs two independent public sources that agree (different
// projects, not copies of each other), named beside it; a digest with one source is not a pin and is left out, so
// the artifact goes through the first-use policy (first-use-digest.ts). The nightly `pins` job re-derives each.

export interface PinnedDigest {
  sha256: string;
  /** The artifact's size in bytes where a source gives it: checked before the digest. */
  bytes?: number;
  /** Where the value was read: at least two independent sources (repository and path, or a release page). */
  sources: readonly [string, string, ...string[]];
}

const HERMIT_KIND = "cashapp/hermit-packages kind.hcl (sha256sums, commit f0517fd7)";
const PACHYDERM_KIND = "pachyderm/pachyderm private/repositories.bzl (kind_deps, v0.22.0)";
const HELM_NOTES = "Helm v3.11.3 release notes, https://github.com/helm/helm/releases/tag/v3.11.3 (checksum list, every platform)";
const HERMIT_HELM = "cashapp/hermit-packages helm.hcl (sha256sums, commit f0517fd7)";
// pants lists each kubectl and helm release with its size; its helm 3.11.3 linux_arm64 row carries the linux-arm (32-bit) digest, so that row is not used.
const PANTS_KUBECTL = "pantsbuild/pants src/python/pants/backend/k8s/kubectl_subsystem.py (known versions 1.21.14-1.32.0 with sizes, commit a296351d)";
const PANTS_HELM = "pantsbuild/pants src/python/pants/backend/helm/subsystems/helm.py (known versions with sizes, commit d65838c0)";
const BAZEL_HELM = "a public Bazel helm toolchain table of _artifact(platform, sha256) for v3.11.3 (code index file 12427664236)";
const TABLE_HELM = "a public shell table HELM_<version>_CHECKSUM_X86_64/_AARCH64 for 3.10.3-3.12.3 (code index file 46245296784)";
const KOTS_KUBECTL = "replicatedhq/kots kotsadm Dockerfile (ENV KUBECTL_1_23_SHA256SUM for dl.k8s.io v1.23.17 linux/amd64)";
const TABLE_KUBECTL_LINUX = "a public shell table KUBECTL_<version>_CHECKSUM_X86_64/_AARCH64 for 1.21.3-1.26.3 (code index file 46504671646)";
const MAC_SETUP_SCRIPT = "a public macOS setup script hard-coding https://dl.k8s.io/release/v1.23.17/bin/darwin/<arch>/kubectl.sha256 (code index file 41634399524)";

// Keyed by "<tool> <os>/<arch>" (toolDigestKey). istioctl has no entry: no independent public copy of the Istio
// 1.17.8 archive digests was found, so they are verified against the SHA-256 Istio publishes with the release.
export const PINNED_DIGESTS: Readonly<Record<string, PinnedDigest>> = {
  "kind linux/amd64": { sha256: "e4264d7ee07ca642fe52818d7c0ed188b193c214889dd055c929dbcb968d1f62", sources: [HERMIT_KIND, PACHYDERM_KIND] },
  "kind linux/arm64": { sha256: "4431805115da3b54290e3e976fe2db9a7e703f116177aace6735dfa1d8a4f3fe", sources: [HERMIT_KIND, PACHYDERM_KIND] },
  "kind darwin/amd64": { sha256: "28a9f7ad7fd77922c639e21c034d0f989b33402693f4f842099cd9185b144d20", sources: [HERMIT_KIND, PACHYDERM_KIND] },
  "kind darwin/arm64": { sha256: "c8dd3b287965150ae4db668294edc48229116e95d94620c306d8fae932ee633f", sources: [HERMIT_KIND, PACHYDERM_KIND] },
  "helm linux/amd64": { sha256: "ca2d5d40d4cdfb9a3a6205dd803b5bc8def00bd2f13e5526c127e9b667974a89", bytes: 15489735, sources: [HELM_NOTES, HERMIT_HELM, PANTS_HELM] },
  "helm linux/arm64": { sha256: "9f58e707dcbe9a3b7885c4e24ef57edfb9794490d72705b33a93fa1f3572cce4", sources: [HELM_NOTES, BAZEL_HELM, TABLE_HELM] },
  "helm darwin/amd64": { sha256: "9d029df37664b50e427442a600e4e065fa75fd74dac996c831ac68359654b2c4", bytes: 16275303, sources: [HELM_NOTES, HERMIT_HELM, PANTS_HELM] },
  "helm darwin/arm64": { sha256: "267e4d50b68e8854b9cc44517da9ab2f47dec39787fed9f7eba42080d61ac7f8", bytes: 15451086, sources: [HELM_NOTES, PANTS_HELM] },
  "kubectl linux/amd64": { sha256: "f09f7338b5a677f17a9443796c648d2b80feaec9d6a094ab79a77c8a01fde941", bytes: 45174784, sources: [PANTS_KUBECTL, KOTS_KUBECTL, TABLE_KUBECTL_LINUX] },
  "kubectl linux/arm64": { sha256: "c4a48fdc6038beacbc5de3e4cf6c23639b643e76656aabe2b7798d3898ec7f05", bytes: 43778048, sources: [PANTS_KUBECTL, TABLE_KUBECTL_LINUX] },
  "kubectl darwin/amd64": { sha256: "7ece6543e3ca2ae9698ef61bbb2a4e249aa21319df4ea1b27c136a9b005dd7d8", bytes: 51721104, sources: [PANTS_KUBECTL, MAC_SETUP_SCRIPT] },
  "kubectl darwin/arm64": { sha256: "3b4590d67b31e3a94a9633064571c981907555da5376c34960cddfcd552f6114", bytes: 51181986, sources: [PANTS_KUBECTL, MAC_SETUP_SCRIPT] },
};

// The key of one tool artifact in a digest table.
export function toolDigestKey(tool: ToolName, host: HostPlatform): string {
  return `${tool} ${host.os}/${host.arch}`;
}
