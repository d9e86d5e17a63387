import { environmentError } from "../../core/errors.js";
import { parseChecksumFile } from "./checksum.js";
import { fetchText } from "./download.js";
import { PINNED_DIGESTS, type PinnedDigest } from "./tool-digests.js";
import type { ToolArtifact } from "./tool-pins.js";

/** The digest a download must have, and where that value came from (named in a mismatch). */
export interface ExpectedDigest {
  sha256: string;
  source: string;
}

export interface ExpectedDigestOptions {
  /** The table of pinned digests; tests pass one for their fixture downloads. */
  digests?: Readonly<Record<string, PinnedDigest>>;
  /** Only with ISTIO_LAB_ALLOW_UNPINNED=1: an artifact without a pin is checked against its host's checksum file. */
  allowUnpinned?: boolean;
  signal?: AbortSignal;
}

// The pinned digest of an artifact; never a checksum file from the host that serves it, unless the user opted in
// for an artifact the repository has no pin for yet.
export async function expectedDigest(artifact: ToolArtifact, options: ExpectedDigestOptions): Promise<ExpectedDigest> {
  const pinned = (options.digests ?? PINNED_DIGESTS)[artifact.digestKey];
  if (pinned?.sha256 !== undefined) return { sha256: pinned.sha256, source: `pinned in this repository (${pinned.status}: ${pinned.sources.join("; ")})` };
  if (!options.allowUnpinned) {
    throw environmentError(`No pinned SHA-256 for ${artifact.url} (${artifact.digestKey}) in this repository yet, so it is not downloaded.`, {
      hint: `Put ${artifact.pin.tool} ${artifact.pin.version} on PATH yourself (istioctl: unpack the release into the cache folder), or accept its host's own checksum once with ISTIO_LAB_ALLOW_UNPINNED=1.`,
    });
  }
  const text = await fetchText(artifact.checksumUrl, options.signal);
  return { sha256: parseChecksumFile(text, artifact.checksumUrl), source: `${artifact.checksumUrl} (same host, not pinned: allowed by ISTIO_LAB_ALLOW_UNPINNED=1)` };
}
