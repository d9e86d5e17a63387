import { environmentError, type LabError } from "./errors.js";

const FULL_DISK = new Set(["ENOSPC", "EDQUOT"]);
const NO_ACCESS = new Set(["EACCES", "EPERM", "EROFS"]);

// A failed write as an environment failure (exit 3) that says what to free or fix.
export function fileWriteError(path: string, cause: unknown): LabError {
  const code = (cause as { code?: string } | undefined)?.code ?? "";
  if (FULL_DISK.has(code)) {
    return environmentError(`The disk is full: could not write ${path} (${code}).`, {
      hint: "Free some space (e.g. `docker system prune`, or delete old files under the cache folder), then run the command again.",
      cause,
    });
  }
  if (NO_ACCESS.has(code)) {
    return environmentError(`Could not write ${path}: permission denied (${code}).`, { hint: "Make that folder writable, or set XDG_CACHE_HOME to a writable folder.", cause });
  }
  return environmentError(`Could not write ${path}: ${(cause as Error)?.message ?? String(cause)}`, { hint: "Check that the folder exists and is writable, then run the command again.", cause });
}
