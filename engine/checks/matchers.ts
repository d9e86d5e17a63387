// Text comparators in the spirit of istio.io's doc tests. Evaluation is pure: undefined when the text
// matches, else a one-line reason ("expected body to contain \"imageUrl\"").

import type { Matcher } from "../lab-types.js";
import { selectJsonPath, parseJsonPath, stringifyJsonValue } from "./json-path.js";
import { compareLike } from "./like.js";
import { findLine, normaliseLines, normaliseText, quoteSnippet } from "./text-snippet.js";

// Problems in a matcher's definition (bad regex, bad JSON path, impossible count); empty when it is sound.
export function validateMatcher(matcher: Matcher): string[] {
  switch (matcher.op) {
    case "contains":
    case "not-contains":
      return matcher.value === "" ? [`${matcher.op} with an empty value always ${matcher.op === "contains" ? "matches" : "fails"}`] : [];
    case "equals":
      return [];
    case "like":
      return normaliseLines(matcher.value).every((line) => line.trim() === "..." || line.trim() === "") ? ["like with only `...` lines matches any text"] : [];
    case "regex":
      return [...regexProblems(matcher.value), ...matchesAnything(matcher.value)];
    case "count": {
      const problems = regexProblems(matcher.regex);
      if (!Number.isInteger(matcher.min) || matcher.min < 0) problems.push(`count min must be a whole number >= 0, got ${matcher.min}`);
      if (matcher.min === 0 && matcher.max === undefined) problems.push("count with min 0 and no max matches any text");
      if (matcher.max !== undefined && matcher.max < matcher.min) problems.push(`count max ${matcher.max} is below min ${matcher.min}`);
      return problems;
    }
    case "json-path": {
      const problems: string[] = [];
      try {
        parseJsonPath(matcher.path);
      } catch (error) {
        problems.push((error as Error).message);
      }
      return [...problems, ...validateMatcher(matcher.matcher).map((problem) => `${matcher.path}: ${problem}`)];
    }
  }
}

// Throws an Error listing the problems when the matcher is unsound (for lab definition checks).
export function assertValidMatcher(matcher: Matcher): void {
  const problems = validateMatcher(matcher);
  if (problems.length > 0) throw new Error(`invalid matcher (${describeMatcher(matcher)}): ${problems.join("; ")}`);
}

// What the matcher wants, in words: `contains "imageUrl"`, `$.status.phase equals "Running"`.
export function describeMatcher(matcher: Matcher): string {
  switch (matcher.op) {
    case "equals":
      return `equals ${quoteSnippet(normaliseText(matcher.value))}`;
    case "contains":
      return `contains ${quoteSnippet(matcher.value)}`;
    case "not-contains":
      return `does not contain ${quoteSnippet(matcher.value)}`;
    case "regex":
      return `matches /${matcher.value}/`;
    case "like": {
      const lines = normaliseLines(matcher.value);
      const extra = lines.length > 1 ? ` (+${lines.length - 1} lines)` : "";
      return `looks like ${quoteSnippet(lines[0] ?? "")}${extra}, ignoring IPs, times and pod-name suffixes`;
    }
    case "json-path":
      return `${matcher.path} ${describeMatcher(matcher.matcher)}`;
    case "count":
      return `has ${describeCount(matcher.min, matcher.max)} matching /${matcher.regex}/`;
  }
}

// undefined when `text` satisfies the matcher, else a one-line reason; `subject` names the text ("body", "log").
export function evaluateMatcher(matcher: Matcher, text: string, subject = "output"): string | undefined {
  switch (matcher.op) {
    case "equals": {
      const actual = normaliseText(text);
      const wanted = normaliseText(matcher.value);
      return actual === wanted ? undefined : `expected ${subject} to equal ${quoteSnippet(wanted)}, got ${quoteSnippet(actual)}`;
    }
    case "contains":
      return text.includes(matcher.value) ? undefined : `expected ${subject} to contain ${quoteSnippet(matcher.value)}`;
    case "not-contains": {
      const hit = findLine(text, matcher.value);
      return hit === undefined ? undefined : `expected ${subject} not to contain ${quoteSnippet(matcher.value)} (line ${hit.number}: ${quoteSnippet(hit.line.trim())})`;
    }
    case "regex":
      return compileRegex(matcher.value, "m").test(text) ? undefined : `expected ${subject} to match /${matcher.value}/`;
    case "like": {
      const reason = compareLike(text, matcher.value);
      return reason === undefined ? undefined : `expected ${subject} to look like the expectation: ${reason}`;
    }
    case "json-path":
      return evaluateJsonPath(matcher.path, matcher.matcher, text, subject);
    case "count":
      return evaluateCount(matcher.regex, matcher.min, matcher.max, text, subject);
  }
}

function evaluateJsonPath(path: string, inner: Matcher, text: string, subject: string): string | undefined {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return `expected ${subject} to be JSON (${(error as Error).message})`;
  }
  const selected = selectJsonPath(document, path);
  if (!selected.found) return `expected ${path} in ${subject}, but ${selected.reason}`;
  return evaluateMatcher(inner, stringifyJsonValue(selected.value), path);
}

function evaluateCount(regex: string, min: number, max: number | undefined, text: string, subject: string): string | undefined {
  const pattern = compileRegex(regex, "");
  const count = normaliseLines(text).filter((line) => pattern.test(line)).length;
  if (count >= min && (max === undefined || count <= max)) return undefined;
  return `expected ${describeCount(min, max)} matching /${regex}/ in ${subject}, found ${count}`;
}

// "at least 1 line", "exactly 0 lines", "2 to 5 lines".
function describeCount(min: number, max: number | undefined): string {
  const unit = min === 1 && (max === undefined || max === 1) ? "line" : "lines";
  if (max === undefined) return `at least ${min} ${unit}`;
  if (max === min) return `exactly ${min} ${unit}`;
  return `${min} to ${max} ${unit}`;
}

function compileRegex(source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new Error(`invalid regex /${source}/: ${(error as Error).message}`, { cause: error });
  }
}

// A regex that matches the empty text matches every text: such a matcher proves nothing.
function matchesAnything(source: string): string[] {
  try {
    return new RegExp(source).test("") ? [`regex /${source}/ matches the empty text, so it matches any text`] : [];
  } catch {
    return [];
  }
}

function regexProblems(source: string): string[] {
  try {
    new RegExp(source);
    return [];
  } catch (error) {
    return [`invalid regex /${source}/: ${(error as Error).message}`];
  }
}
