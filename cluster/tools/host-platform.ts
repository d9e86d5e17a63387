import { environmentError } from "../../core/errors.js";

/** An operating system the pinned tools are published for, in their URL spelling. */
export type HostOs = "linux" | "darwin";
/** A CPU architecture the pinned tools are published for, in their URL spelling. */
export type HostArch = "amd64" | "arm64";

/** The machine the tools will run on. */
export interface HostPlatform {
  os: HostOs;
  arch: HostArch;
}

const OS_BY_NODE_PLATFORM: Readonly<Record<string, HostOs>> = { linux: "linux", darwin: "darwin" };
const ARCH_BY_NODE_ARCH: Readonly<Record<string, HostArch>> = { x64: "amd64", arm64: "arm64" };

// Maps Node's process.platform/process.arch to the os/arch of the tool downloads; refuses anything else.
export function resolveHost(platform: string = process.platform, arch: string = process.arch): HostPlatform {
  const os = OS_BY_NODE_PLATFORM[platform];
  const cpu = ARCH_BY_NODE_ARCH[arch];
  if (os === undefined || cpu === undefined) {
    throw environmentError(`Unsupported platform ${platform}/${arch}: the pinned kind, kubectl, istioctl and helm binaries exist for linux and darwin on x64 or arm64 only.`, {
      hint: platform === "win32" ? "Run the lab inside WSL2 (Linux), or on a Linux or macOS machine." : "Run the lab on Linux or macOS (x64 or arm64).",
    });
  }
  return { os, arch: cpu };
}
