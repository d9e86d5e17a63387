import type { ToolName } from "./tool-pins.js";

// The arguments that make each tool print its own version without touching a cluster.
export const VERSION_ARGS: Readonly<Record<ToolName, readonly string[]>> = {
  kind: ["version"],
  kubectl: ["version", "--client", "-o", "json"],
  istioctl: ["version", "--remote=false"],
  helm: ["version", "--template", "{{.Version}}"],
};

const SEMVER = String.raw`v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?`;

// "kind v0.22.0 go1.20.13 linux/amd64" → "v0.22.0".
export function parseKindVersion(stdout: string): string | undefined {
  return new RegExp(String.raw`^kind (${SEMVER})(?:\s|$)`, "m").exec(stdout.trim())?.[1];
}

// `kubectl version --client -o json` → clientVersion.gitVersion ("v1.23.17").
export function parseKubectlVersion(stdout: string): string | undefined {
  const start = stdout.indexOf("{");
  if (start < 0) return undefined;
  try {
    const parsed = JSON.parse(stdout.slice(start)) as { clientVersion?: { gitVersion?: unknown } };
    const gitVersion = parsed.clientVersion?.gitVersion;
    return typeof gitVersion === "string" && gitVersion !== "" ? gitVersion : undefined;
  } catch {
    return undefined;
  }
}

// `istioctl version --remote=false` → "1.17.8" (also accepts the "client version: 1.17.8" form).
export function parseIstioctlVersion(stdout: string): string | undefined {
  const pattern = new RegExp(String.raw`^(?:client version:\s*)?(${SEMVER})$`, "i");
  for (const line of stdout.split("\n")) {
    const match = pattern.exec(line.trim());
    if (match) return match[1];
  }
  return undefined;
}

// `helm version --template {{.Version}}` → "v3.11.3".
export function parseHelmVersion(stdout: string): string | undefined {
  return new RegExp(String.raw`^(${SEMVER})$`).exec(stdout.trim())?.[1];
}

const PARSERS: Readonly<Record<ToolName, (stdout: string) => string | undefined>> = {
  kind: parseKindVersion,
  kubectl: parseKubectlVersion,
  istioctl: parseIstioctlVersion,
  helm: parseHelmVersion,
};

// The version a tool printed for VERSION_ARGS, or undefined when the output is not recognised.
export function parseToolVersion(tool: ToolName, stdout: string): string | undefined {
  return PARSERS[tool](stdout);
}

// True when a reported version is exactly the pinned one (a leading "v" is not significant).
export function isPinnedVersion(reported: string | undefined, pinned: string): boolean {
  if (reported === undefined) return false;
  return reported.replace(/^v/, "") === pinned.replace(/^v/, "");
}
