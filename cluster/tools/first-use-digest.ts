import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomically } from "../../core/atomic-write.js";
import { environmentError } from "../../core/errors.js";
import { toolsCacheDir } from "./tool-cache.js";

/** How an artifact without a repository pin is treated: its publisher's digest, remembered on first use, or refused. */
export type PinPolicy = "first-use" | "strict";

const RECORD_FILE = "first-use-digests.json";

/** url -> the publisher's SHA-256 seen the first time it was downloaded. */
type FirstUseRecords = Record<string, { sha256: string; recordedAt: string }>;

// Where first-use digests are kept: beside the tools, outside any one tool's folder (a re-download keeps them).
export function firstUseRecordPath(cacheDir: string): string {
  return join(toolsCacheDir(cacheDir), RECORD_FILE);
}

async function readRecords(cacheDir: string): Promise<FirstUseRecords> {
  try {
    return JSON.parse(await readFile(firstUseRecordPath(cacheDir), "utf8")) as FirstUseRecords;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw environmentError(`The record of first-use digests ${firstUseRecordPath(cacheDir)} cannot be read: ${(error as Error).message}`, {
      hint: "Delete the file to trust the publishers' digests again on the next download, or restore it.",
      cause: error,
    });
  }
}

// The digest recorded for a URL on its first verified download, if any.
export async function recordedFirstUseDigest(cacheDir: string, url: string): Promise<string | undefined> {
  return (await readRecords(cacheDir))[url]?.sha256;
}

// Remembers the publisher's digest after the download matched it; a later download must match the same value.
export async function recordFirstUseDigest(cacheDir: string, url: string, sha256: string, now: Date = new Date()): Promise<void> {
  const records = await readRecords(cacheDir);
  if (records[url]?.sha256 === sha256) return;
  records[url] = { sha256, recordedAt: now.toISOString() };
  await writeFileAtomically(firstUseRecordPath(cacheDir), JSON.stringify(records, null, 2) + "\n");
}

// A publisher's digest that differs from the one recorded on first use is refused, never re-trusted silently.
export function assertSameFirstUseDigest(url: string, recorded: string | undefined, published: string, cacheDir: string): void {
  if (recorded === undefined || recorded === published) return;
  throw environmentError(`The SHA-256 published for ${url} changed: ${recorded} when first downloaded, ${published} now. It is not downloaded.`, {
    hint: `A release should never change after publication; report it. If the publisher replaced the file on purpose, remove its entry from ${firstUseRecordPath(cacheDir)} and run again.`,
  });
}

// The one plain line said when an artifact is verified against its publisher's digest rather than a pin.
export function firstUseNotice(what: string, publisher: string, recorded: boolean): string {
  const when = recorded ? "the digest recorded on first use" : "recorded now for later downloads";
  return `${what}: verified against the SHA-256 ${publisher} publishes with the release; not pinned in this repository (${when}).`;
}

// Refusal under --strict-pins for an artifact the repository does not pin.
export function strictPinRefusal(what: string, url: string, orInstead: string) {
  return environmentError(`${what} (${url}) is not pinned in this repository, and --strict-pins refuses anything that is not.`, {
    hint: `Run without --strict-pins to verify it against its publisher's SHA-256 (remembered on first use), or ${orInstead}.`,
  });
}
