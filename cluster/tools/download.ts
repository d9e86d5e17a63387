import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { environmentError, type LabError } from "../../core/errors.js";
import { DownloadError, describeNetworkFailure, toDownloadError } from "./download-error.js";

export interface DownloadOptions {
  url: string;
  /** Folder for the temp file; on the same filesystem as the final place so it can be renamed there. */
  dir: string;
  signal?: AbortSignal;
  /** The size the pin records: a different Content-Length is refused before the body is read. */
  expectedBytes?: number;
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

/** A fully received download, still under its temporary name. */
export interface DownloadedFile {
  path: string;
  sha256: string;
  bytes: number;
}

// Streams a URL into a temp file in `dir`, hashing while it streams; on any failure the temp file is removed.
export async function downloadToTempFile(options: DownloadOptions): Promise<DownloadedFile> {
  const { url, dir, signal, onProgress } = options;
  const response = await openResponse(url, signal);
  const totalBytes = declaredLength(response);
  if (options.expectedBytes !== undefined && totalBytes !== undefined && totalBytes !== options.expectedBytes) {
    await response.body?.cancel();
    throw environmentError(`Download refused for ${url}: size ${options.expectedBytes} expected, got ${totalBytes} (Content-Length), so the file cannot match its pinned SHA-256.`, {
      hint: "The server sent a different file (a wrong pin or a changed release); report it with the URL above.",
    });
  }
  const path = join(dir, `.download-${randomUUID()}.part`);
  const hash = createHash("sha256");
  let receivedBytes = 0;
  const count = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      hash.update(chunk);
      receivedBytes += chunk.length;
      onProgress?.(receivedBytes, totalBytes);
      yield chunk;
    }
  };
  try {
    const body = Readable.fromWeb(bodyOf(response, url) as NodeReadableStream<Uint8Array>);
    await pipeline(body, count, createWriteStream(path, { flags: "wx", mode: 0o600 }), { signal });
    if (totalBytes !== undefined && receivedBytes !== totalBytes) {
      throw new DownloadError(url, `connection closed after ${receivedBytes} of ${totalBytes} bytes`);
    }
    return { path, sha256: hash.digest("hex"), bytes: receivedBytes };
  } catch (error) {
    await rm(path, { force: true });
    throw interruptedError(url, path, error, signal, receivedBytes, totalBytes);
  }
}

// The body of a small text resource (a checksum file).
export async function fetchText(url: string, signal?: AbortSignal): Promise<string> {
  const response = await openResponse(url, signal);
  try {
    return await response.text();
  } catch (error) {
    throw toDownloadError(url, error, signal);
  }
}

async function openResponse(url: string, signal: AbortSignal | undefined): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: "follow", headers: { "accept-encoding": "identity" } });
  } catch (error) {
    throw toDownloadError(url, error, signal);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadError(url, `HTTP ${response.status} ${response.statusText}`.trim());
  }
  return response;
}

function bodyOf(response: Response, url: string): ReadableStream<Uint8Array> {
  if (response.body === null) throw new DownloadError(url, "the server sent no body");
  return response.body;
}

function declaredLength(response: Response): number | undefined {
  if (response.headers.get("content-encoding")) return undefined;
  const header = response.headers.get("content-length");
  const length = header === null ? Number.NaN : Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

// Names what stopped a body mid-way: cancellation, a dropped connection, or the local disk.
function interruptedError(url: string, path: string, error: unknown, signal: AbortSignal | undefined, received: number, total: number | undefined): LabError {
  if (error instanceof DownloadError) return error;
  const progress = total === undefined ? `${received} bytes` : `${received} of ${total} bytes`;
  if (signal?.aborted) return new DownloadError(url, `cancelled after ${progress}`, error);
  if (isLocalFileError(error)) {
    return environmentError(`Could not write ${path} while downloading ${url}: ${describeNetworkFailure(error)}`, {
      hint: "Check free disk space and permissions of the cache folder, then run again.",
      cause: error,
    });
  }
  return new DownloadError(url, `connection dropped after ${progress}: ${describeNetworkFailure(error)}`, error);
}

function isLocalFileError(error: unknown): boolean {
  const { syscall, path } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof syscall === "string" && typeof path === "string";
}
