import { environmentError, type LabError } from "../../core/errors.js";

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

// The SHA-256 in a published checksum file: its first whitespace-separated token, which must be 64 hex chars.
export function parseChecksumFile(text: string, url: string): string {
  const first = text.trim().split(/\s+/)[0] ?? "";
  if (!SHA256_HEX.test(first)) {
    const shown = text.trim().slice(0, 80);
    throw environmentError(`The checksum file ${url} does not start with a SHA-256 (64 hex characters): "${shown}".`, {
      hint: "The download server returned something unexpected; run again, or report if it repeats.",
    });
  }
  return first.toLowerCase();
}

// The error for a download whose SHA-256 differs from the expected one: the artifact, both digests, the pin's source.
export function checksumMismatchError(url: string, expected: string, actual: string, source?: string, size?: { expected: number; actual: number }): LabError {
  const from = source === undefined ? "" : ` (expected value ${source})`;
  const sizeText = size === undefined ? "" : `size ${size.expected} expected, got ${size.actual}; `;
  const digestText = expected === actual ? `SHA-256 ${actual} as expected` : `SHA-256 mismatch: expected ${expected}, got ${actual}`;
  return environmentError(`Download check failed for ${url}: ${sizeText}${digestText}${from}. The file was deleted.`, {
    hint: "the download was corrupted or tampered with; run again, or report if it repeats",
  });
}
