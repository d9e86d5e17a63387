import { LabError } from "../../core/errors.js";

/** A URL that could not be fetched (no network, refused, HTTP error, dropped connection, cancelled). */
export class DownloadError extends LabError {
  readonly url: string;
  /** Short reason, e.g. "getaddrinfo ENOTFOUND get.helm.sh" or "HTTP 404 Not Found". */
  readonly reason: string;

  constructor(url: string, reason: string, cause?: unknown) {
    super("environment", `Could not download ${url}: ${reason}`, { hint: "Check the network connection and run again.", cause });
    this.name = "DownloadError";
    this.url = url;
    this.reason = reason;
  }
}

// Turns whatever fetch or the body stream threw into a DownloadError with a one-line reason.
export function toDownloadError(url: string, error: unknown, signal?: AbortSignal): DownloadError {
  if (error instanceof DownloadError) return error;
  if (signal?.aborted) return new DownloadError(url, "cancelled", error);
  return new DownloadError(url, describeNetworkFailure(error), error);
}

// The most specific message in an error's cause chain, with its code (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET...).
export function describeNetworkFailure(error: unknown): string {
  const innermost = innermostCause(error);
  const message = innermost instanceof Error ? innermost.message : String(innermost);
  const code = (innermost as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && !message.includes(code)) return message === "" ? code : `${message} (${code})`;
  return message === "" ? "unknown network error" : message;
}

function innermostCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10; depth += 1) {
    const next = nextCause(current);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

function nextCause(error: unknown): unknown {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors[0];
  if (error instanceof Error && error.cause !== undefined) return error.cause;
  return undefined;
}
