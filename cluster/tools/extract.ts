import { stat } from "node:fs/promises";
import { join } from "node:path";
import { environmentError, LabError } from "../../core/errors.js";

// Unpacks a whole (verified) tar.gz into `destination`; entries escaping it are refused by tar.
export async function extractTree(archive: string, destination: string, sourceUrl: string): Promise<void> {
  const { extract } = await import("tar");
  try {
    await extract({ file: archive, cwd: destination, strict: true, preserveOwner: false });
  } catch (error) {
    throw unreadableArchive(sourceUrl, error);
  }
}

// Unpacks only `member` of a (verified) tar.gz into `destination` and returns where it landed.
export async function extractMember(archive: string, member: string, destination: string, sourceUrl: string): Promise<string> {
  const { extract } = await import("tar");
  try {
    await extract({ file: archive, cwd: destination, strict: true, preserveOwner: false, filter: (path) => stripDotSlash(path) === member });
  } catch (error) {
    throw unreadableArchive(sourceUrl, error);
  }
  const extracted = join(destination, member);
  await requireFile(extracted, member, sourceUrl);
  return extracted;
}

// Fails with a clear message when an expected file is not in an unpacked archive.
export async function requireFile(path: string, member: string, sourceUrl: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return;
  throw environmentError(`The archive ${sourceUrl} does not contain ${member}.`, {
    hint: "The release layout is not the expected one; report this with the URL above.",
  });
}

function stripDotSlash(path: string): string {
  return path.replace(/^(\.\/)+/, "");
}

function unreadableArchive(sourceUrl: string, error: unknown): LabError {
  const reason = error instanceof Error ? error.message : String(error);
  return environmentError(`Could not unpack ${sourceUrl}: ${reason}`, {
    hint: "The archive matched its checksum but could not be read; check free disk space and run again.",
    cause: error,
  });
}
