// validateMatcher and count at their bounds: each unsound definition named (and only those), and count's
// min and max both inclusive, described in words that match the numbers.
import { describe, expect, it } from "vitest";
import { assertValidMatcher, describeMatcher, evaluateMatcher, validateMatcher } from "../../../engine/checks/matchers.js";

describe("validateMatcher", () => {
  it("contains and not-contains need a value", () => {
    expect(validateMatcher({ op: "contains", value: "" })).toEqual(["contains with an empty value always matches"]);
    expect(validateMatcher({ op: "not-contains", value: "" })).toEqual(["not-contains with an empty value always fails"]);
    expect(validateMatcher({ op: "not-contains", value: "x" })).toEqual([]);
    expect(validateMatcher({ op: "equals", value: "" })).toEqual([]);
  });

  it("like needs one line that is not `...` or blank", () => {
    expect(validateMatcher({ op: "like", value: "...\n  ...  \n\n" })).toEqual(["like with only `...` lines matches any text"]);
    expect(validateMatcher({ op: "like", value: "...\n   \n..." })).toEqual(["like with only `...` lines matches any text"]);
    expect(validateMatcher({ op: "like", value: "...\nGET /items 200\n..." })).toEqual([]);
    expect(validateMatcher({ op: "like", value: "...x" })).toEqual([]);
    expect(validateMatcher({ op: "like", value: "a" })).toEqual([]);
  });

  it("regex must compile and must not match the empty text", () => {
    expect(validateMatcher({ op: "regex", value: "a*" })).toEqual(["regex /a*/ matches the empty text, so it matches any text"]);
    expect(validateMatcher({ op: "regex", value: "^" })).toHaveLength(1);
    expect(validateMatcher({ op: "regex", value: "a+" })).toEqual([]);
  });

  it("count needs a whole min >= 0, a max not below it, and not min 0 without a max", () => {
    expect(validateMatcher({ op: "count", regex: "a", min: 1.5 })).toEqual(["count min must be a whole number >= 0, got 1.5"]);
    expect(validateMatcher({ op: "count", regex: "a", min: -1, max: 2 })).toEqual(["count min must be a whole number >= 0, got -1"]);
    expect(validateMatcher({ op: "count", regex: "a", min: 0 })).toEqual(["count with min 0 and no max matches any text"]);
    expect(validateMatcher({ op: "count", regex: "a", min: 0, max: 0 })).toEqual([]);
    expect(validateMatcher({ op: "count", regex: "a", min: 1 })).toEqual([]);
    expect(validateMatcher({ op: "count", regex: "a", min: 2, max: 2 })).toEqual([]);
    expect(validateMatcher({ op: "count", regex: "a", min: 3, max: 2 })).toEqual(["count max 2 is below min 3"]);
    expect(validateMatcher({ op: "count", regex: "(", min: 1 })[0]).toMatch(/^invalid regex \/\(\//);
  });

  it("json-path names its own problems and the inner matcher's, prefixed with the path", () => {
    expect(validateMatcher({ op: "json-path", path: "$.a", matcher: { op: "contains", value: "" } })).toEqual(["$.a: contains with an empty value always matches"]);
    expect(validateMatcher({ op: "json-path", path: "$.a", matcher: { op: "equals", value: "x" } })).toEqual([]);
  });

  it("assertValidMatcher throws only for an unsound matcher", () => {
    expect(() => assertValidMatcher({ op: "contains", value: "x" })).not.toThrow();
    expect(() => assertValidMatcher({ op: "contains", value: "" })).toThrow('invalid matcher (contains ""): contains with an empty value always matches');
  });
});

describe("count at its bounds", () => {
  const lines = "a\na\nb\na";

  it("min and max are inclusive", () => {
    expect(evaluateMatcher({ op: "count", regex: "^a$", min: 3, max: 3 }, lines)).toBeUndefined();
    expect(evaluateMatcher({ op: "count", regex: "^a$", min: 4 }, lines)).toBe("expected at least 4 lines matching /^a$/ in output, found 3");
    expect(evaluateMatcher({ op: "count", regex: "^a$", min: 1, max: 2 }, lines)).toBe("expected 1 to 2 lines matching /^a$/ in output, found 3");
    expect(evaluateMatcher({ op: "count", regex: "^c$", min: 0, max: 0 }, lines)).toBeUndefined();
    expect(evaluateMatcher({ op: "count", regex: "^b$", min: 0, max: 0 }, lines, "log")).toBe("expected exactly 0 lines matching /^b$/ in log, found 1");
  });

  it("counts lines, not matches, and each line on its own", () => {
    expect(evaluateMatcher({ op: "count", regex: "a", min: 2, max: 2 }, "aa\na")).toBeUndefined();
    expect(evaluateMatcher({ op: "count", regex: "^b", min: 1, max: 1 }, lines)).toBeUndefined();
  });

  it("says line or lines as the numbers want", () => {
    expect(describeMatcher({ op: "count", regex: "x", min: 1, max: 1 })).toBe("has exactly 1 line matching /x/");
    expect(describeMatcher({ op: "count", regex: "x", min: 2 })).toBe("has at least 2 lines matching /x/");
    expect(describeMatcher({ op: "count", regex: "x", min: 1, max: 3 })).toBe("has 1 to 3 lines matching /x/");
  });
});

describe("the other comparators at their edges", () => {
  it("regex sees every line start, contains is case-sensitive, not-contains names the first line", () => {
    expect(evaluateMatcher({ op: "regex", value: "^b" }, "a\nb")).toBeUndefined();
    expect(evaluateMatcher({ op: "contains", value: "ImageUrl" }, "imageUrl")).toBeDefined();
    expect(evaluateMatcher({ op: "not-contains", value: "x" }, "a\nx1\nx2")).toBe('expected output not to contain "x" (line 2: "x1")');
  });

  it("equals compares the whole text, not a part of it", () => {
    expect(evaluateMatcher({ op: "equals", value: "Running" }, "Running\n")).toBeUndefined();
    expect(evaluateMatcher({ op: "equals", value: "Running" }, "Running 1")).toBeDefined();
    expect(describeMatcher({ op: "equals", value: "a\r\n" })).toBe('equals "a"');
  });

  it("like and regex say what they want", () => {
    expect(describeMatcher({ op: "like", value: "one line" })).toBe('looks like "one line", ignoring IPs, times and pod-name suffixes');
    expect(describeMatcher({ op: "like", value: "first\nsecond" })).toBe('looks like "first" (+1 lines), ignoring IPs, times and pod-name suffixes');
    expect(describeMatcher({ op: "regex", value: "^a" })).toBe("matches /^a/");
  });
});
