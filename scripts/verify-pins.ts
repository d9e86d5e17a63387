#!/usr/bin/env node
// The nightly pin check (strict, like --strict-pins): re-derives every pinned tool digest from its upstream checksum
// file and fails on any difference or on an artifact the repository does not pin, printing the upstream value, which
// becomes a pin only once two independent public sources are found that agree with it.
import { parseChecksumFile } from "../cluster/tools/checksum.js";
import { fetchText } from "../cluster/tools/download.js";
import type { HostPlatform } from "../cluster/tools/host-platform.js";
import { PINNED_DIGESTS } from "../cluster/tools/tool-digests.js";
import { toolArtifacts } from "../cluster/tools/tool-pins.js";

const HOSTS: readonly HostPlatform[] = [
  { os: "linux", arch: "amd64" },
  { os: "linux", arch: "arm64" },
  { os: "darwin", arch: "amd64" },
  { os: "darwin", arch: "arm64" },
];

// One line per artifact; returns false when the pin is missing or differs from upstream.
async function checkArtifact(artifact: ReturnType<typeof toolArtifacts>[number]): Promise<boolean> {
  const pinned = PINNED_DIGESTS[artifact.digestKey];
  let upstream: string;
  try {
    upstream = parseChecksumFile(await fetchText(artifact.checksumUrl), artifact.checksumUrl);
  } catch (error) {
    console.log(`✖ ${artifact.digestKey}: could not read ${artifact.checksumUrl}: ${(error as Error).message}`);
    return false;
  }
  if (pinned === undefined) {
    console.log(`✖ ${artifact.digestKey}: not pinned in this repository; upstream ${artifact.checksumUrl} says ${upstream} (a lead: pin it once two independent public sources agree)`);
    return false;
  }
  if (pinned.sha256 !== upstream) {
    console.log(`✖ ${artifact.digestKey}: pinned ${pinned.sha256} (${pinned.sources.join("; ")}) but upstream ${artifact.checksumUrl} says ${upstream}`);
    return false;
  }
  console.log(`✔ ${artifact.digestKey}: ${upstream} (${pinned.sources.length} sources)`);
  return true;
}

const results = await Promise.all(HOSTS.flatMap((host) => toolArtifacts(host)).map(checkArtifact));
const failed = results.filter((ok) => !ok).length;
console.log(failed === 0 ? "\nEvery pin matches upstream." : `\n${failed} pin(s) missing or different from upstream.`);
process.exitCode = failed === 0 ? 0 : 1;
