import { parseChecksumFile } from "./checksum.js";
import { fetchText } from "./download.js";
import { assertSameFirstUseDigest, firstUseNotice, recordedFirstUseDigest, strictPinRefusal, type PinPolicy } from "./first-use-digest.js";
import { PINNED_DIGESTS, type PinnedDigest } from "./tool-digests.js";
import type { ToolArtifact, ToolName } from "./tool-pins.js";

/** The digest a download must have, and where that value came from (named in a mismatch). */
export interface ExpectedDigest {
  sha256: string;
  /** The size in bytes, where the pin records it. */
  bytes?: number;
  source: string;
  /** Set when the value is the publisher's own (no repository pin): to record after the download matched it. */
  firstUse?: { notice: string };
}

export interface ExpectedDigestOptions {
  /** The project cache folder (where first-use digests are recorded). */
  cacheDir: string;
  /** The table of pinned digests; tests pass one for their fixture downloads. */
  digests?: Readonly<Record<string, PinnedDigest>>;
  /** Default "first-use"; "strict" (--strict-pins) refuses an artifact without a repository pin. */
  policy?: PinPolicy;
  signal?: AbortSignal;
}

const PUBLISHERS: Readonly<Record<ToolName, string>> = { kind: "kind", kubectl: "Kubernetes", istioctl: "Istio", helm: "Helm" };

// A repository pin always wins and is never bypassed; without one, the publisher's checksum file read over HTTPS,
// which must equal the one recorded the first time (trust on first use), unless the policy is strict.
export async function expectedDigest(artifact: ToolArtifact, options: ExpectedDigestOptions): Promise<ExpectedDigest> {
  const pinned = (options.digests ?? PINNED_DIGESTS)[artifact.digestKey];
  if (pinned !== undefined) {
    return { sha256: pinned.sha256, ...(pinned.bytes === undefined ? {} : { bytes: pinned.bytes }), source: `pinned in this repository (${pinned.sources.join("; ")})` };
  }
  const what = `${artifact.pin.tool} ${artifact.pin.version} (${artifact.digestKey.split(" ")[1] ?? ""})`;
  if (options.policy === "strict") throw strictPinRefusal(what, artifact.url, `put ${artifact.pin.tool} ${artifact.pin.version} on PATH yourself`);
  const published = parseChecksumFile(await fetchText(artifact.checksumUrl, options.signal), artifact.checksumUrl);
  const recorded = await recordedFirstUseDigest(options.cacheDir, artifact.url);
  assertSameFirstUseDigest(artifact.url, recorded, published, options.cacheDir);
  return {
    sha256: published,
    source: `${artifact.checksumUrl}, the publisher's own digest; not pinned in this repository`,
    firstUse: { notice: firstUseNotice(what, PUBLISHERS[artifact.pin.tool], recorded !== undefined) },
  };
}
