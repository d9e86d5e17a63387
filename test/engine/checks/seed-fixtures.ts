// Reads the real outputs cut from the seed (see test/fixtures/seed/README.md).
import { readFileSync } from "node:fs";

// The text of one fixture file.
export function readSeedText(name: string): string {
  return readFileSync(new URL(`../../fixtures/seed/${name}`, import.meta.url), "utf8");
}

// The parsed JSON of one fixture file.
export function readSeedJson(name: string): unknown {
  return JSON.parse(readSeedText(name)) as unknown;
}
