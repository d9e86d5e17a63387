// The "like" comparator, after istio.io's `__cmp_like` (tests/util/verify.sh): outputs are compared line by
// line and token by token, and tokens that change from run to run (IPs, times, durations, generated pod-name
// suffixes) compare equal to any value of the same kind. Two extensions: `...` alone on a line elides any
// number of lines (zero or more), and the classes also apply inside a token (`"10.10.0.16:3000"`).

import { normaliseLines, quoteSnippet } from "./text-snippet.js";

const ELISION = "...";

// Kubernetes' rand.SafeEncodeString alphabet (no vowels, no 0/1/3): generated names only use these.
const SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
const NAME_START = "(?<![A-Za-z0-9-])";
const NAME_END = "(?![A-Za-z0-9-])";

const TOKEN_CLASSES: ReadonlyArray<[RegExp, string]> = [
  // 2025-04-19T06:09:09Z, 2025-04-19T09:55:34.851Z, 2025-04-19 06:09:09+09:00
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, "<time>"],
  [/\d{4}[-/]\d{2}[-/]\d{2}/g, "<date>"],
  [/(?<![\d:])\d{2}:\d{2}:\d{2}(?:\.\d+)?(?![\d:])/g, "<time>"],
  [/(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?(?![\d.])/g, "<ip>"],
  // Deployment pods: catalog-6cf4b97d-ftl77 -> catalog-<pod>
  [new RegExp(`${NAME_START}([A-Za-z0-9][A-Za-z0-9-]*?)-${SAFE}{6,10}-${SAFE}{5}${NAME_END}`, "g"), "$1-<pod>"],
  // ReplicaSets: catalog-6cf4b97d -> catalog-<rs>
  [new RegExp(`${NAME_START}([A-Za-z0-9][A-Za-z0-9-]*?)-${SAFE}{8,10}${NAME_END}`, "g"), "$1-<rs>"],
  // Pods of DaemonSets, Jobs and bare ReplicaSets: kiali-x8k2p -> kiali-<pod>
  [new RegExp(`${NAME_START}([A-Za-z0-9][A-Za-z0-9-]*?)-${SAFE}{5}${NAME_END}`, "g"), "$1-<pod>"],
];

// A whole token that is a duration: 30s, 5m, 3h34m, 2m48s, 0.5ms, 1d.
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d))+$/;

// The token with every run-to-run value replaced by its class (`<ip>`, `<time>`, `<pod>` ...).
export function generaliseToken(token: string): string {
  if (DURATION.test(token)) return "<duration>";
  return TOKEN_CLASSES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), token);
}

// Whether an output token is "like" an expected token.
export function isTokenLike(actual: string, expected: string): boolean {
  if (expected === ELISION || actual === expected) return true;
  return generaliseToken(actual) === generaliseToken(expected);
}

// Whether an output line is "like" an expected line: same number of tokens, each one like its counterpart.
export function isLineLike(actual: string, expected: string): boolean {
  const actualTokens = tokenize(actual);
  const expectedTokens = tokenize(expected);
  if (actualTokens.length !== expectedTokens.length) return false;
  return actualTokens.every((token, index) => isTokenLike(token, expectedTokens[index] ?? ""));
}

// undefined when `actual` is like `expected`, else a one-line reason naming the first line that differs.
export function compareLike(actual: string, expected: string): string | undefined {
  const out = normaliseLines(actual);
  const want = normaliseLines(expected);
  if (alignLines(out, want)) return undefined;
  return explainMismatch(out, want);
}

function tokenize(line: string): string[] {
  return line.trim().split(/\s+/).filter((token) => token !== "");
}

function isElision(line: string): boolean {
  return line.trim() === ELISION;
}

// Dynamic programming over (expected line, output line): can the rest of `want` match the rest of `out`?
function alignLines(out: string[], want: string[]): boolean {
  const width = out.length + 1;
  const can = new Uint8Array((want.length + 1) * width);
  can[want.length * width + out.length] = 1;
  for (let e = want.length - 1; e >= 0; e--) {
    const line = want[e] ?? "";
    for (let o = out.length; o >= 0; o--) {
      const here = e * width + o;
      if (isElision(line)) {
        can[here] = can[(e + 1) * width + o] || (o < out.length ? can[here + 1] : 0) ? 1 : 0;
      } else if (o < out.length && can[(e + 1) * width + o + 1] && isLineLike(out[o] ?? "", line)) {
        can[here] = 1;
      }
    }
  }
  return can[0] === 1;
}

// A greedy walk that names the first expected line it cannot place.
function explainMismatch(out: string[], want: string[]): string {
  const hasElision = want.some(isElision);
  if (!hasElision && out.length !== want.length) {
    return `expected ${want.length} lines like the expectation, got ${out.length}`;
  }
  let o = 0;
  let floating = false;
  for (let e = 0; e < want.length; e++) {
    const line = want[e] ?? "";
    if (isElision(line)) {
      floating = true;
      continue;
    }
    if (!floating) {
      const got = out[o];
      if (got === undefined) return `expected line ${e + 1} like ${quoteSnippet(line.trim())}, but the output ended after ${out.length} lines`;
      if (!isLineLike(got, line)) return `line ${o + 1}: expected like ${quoteSnippet(line.trim())}, got ${quoteSnippet(got.trim())}`;
      o++;
      continue;
    }
    const found = out.findIndex((candidate, index) => index >= o && isLineLike(candidate, line));
    if (found < 0) return `no line like ${quoteSnippet(line.trim())} after output line ${o}`;
    o = found + 1;
    floating = false;
  }
  if (floating) return "the output is not like the expectation";
  return `the output has ${out.length - o} more lines than expected after line ${o}`;
}
