import { describe, expect, it } from "vitest";
import type { Matcher } from "../../../engine/lab-types.js";
import { assertValidMatcher, describeMatcher, evaluateMatcher, validateMatcher } from "../../../engine/checks/matchers.js";
import { readSeedText } from "./seed-fixtures.js";

// A catalog v2 item as the book's service returns it (v1 items have no imageUrl).
const V2_BODY = '[{"id":1,"color":"amber","department":"Eyewear","name":"Elinor Glasses","price":"282.00","imageUrl":"http://lorempixel.com/640/480"}]\n';
const V1_BODY = '[{"id":1,"color":"amber","department":"Eyewear","name":"Elinor Glasses","price":"282.00"}]';
const shadowLog = readSeedText("catalog-v2-shadow.log");
const blackholeJson = readSeedText("webapp-cluster-blackhole.json");

describe("evaluateMatcher", () => {
  it("contains / not-contains", () => {
    const contains: Matcher = { op: "contains", value: "imageUrl" };
    expect(evaluateMatcher(contains, V2_BODY, "body")).toBeUndefined();
    expect(evaluateMatcher(contains, V1_BODY, "body")).toBe('expected body to contain "imageUrl"');
    const without: Matcher = { op: "not-contains", value: "imageUrl" };
    expect(evaluateMatcher(without, V1_BODY)).toBeUndefined();
    expect(evaluateMatcher(without, `first\n${V2_BODY}`, "body")).toMatch(/^expected body not to contain "imageUrl" \(line 2: /);
  });

  it("equals ignores trailing whitespace and carriage returns only", () => {
    const equals: Matcher = { op: "equals", value: "Initialized" };
    expect(evaluateMatcher(equals, "Initialized  \r\n\n")).toBeUndefined();
    expect(evaluateMatcher(equals, " Initialized")).toBe('expected output to equal "Initialized", got " Initialized"');
  });

  it("regex is multi-line", () => {
    const regex: Matcher = { op: "regex", value: "^GET catalog\\.istioinaction-shadow:80 /items 200" };
    expect(evaluateMatcher(regex, shadowLog, "log")).toBeUndefined();
    expect(evaluateMatcher(regex, readSeedText("catalog-v1.log"), "log")).toMatch(/^expected log to match \//);
  });

  it("like compares the seed's log with another run", () => {
    const like: Matcher = { op: "like", value: "...\nGET catalog.istioinaction-shadow:80 /items 200 ... - ... ms\nGET /items 200 ... ms - ..." };
    expect(evaluateMatcher(like, shadowLog)).toBeUndefined();
    expect(evaluateMatcher(like, readSeedText("catalog-v1.log"))).toMatch(/^expected output to look like the expectation: /);
  });

  it("json-path applies the inner matcher to the value", () => {
    const name: Matcher = { op: "json-path", path: "$[0].name", matcher: { op: "equals", value: "BlackHoleCluster" } };
    expect(evaluateMatcher(name, blackholeJson)).toBeUndefined();
    expect(evaluateMatcher({ ...name, matcher: { op: "equals", value: "PassthroughCluster" } }, blackholeJson)).toBe(
      'expected $[0].name to equal "PassthroughCluster", got "BlackHoleCluster"',
    );
    expect(evaluateMatcher({ ...name, path: "$[0].status" }, blackholeJson)).toBe('expected $[0].status in output, but $[0] has no field "status"');
    expect(evaluateMatcher(name, "Error: no pods")).toMatch(/^expected output to be JSON \(/);
  });

  it("count counts matching lines within min..max", () => {
    const blackholeLog = readSeedText("webapp-proxy-blackhole.log");
    expect(evaluateMatcher({ op: "count", regex: "BlackHoleCluster", min: 1 }, blackholeLog, "log")).toBeUndefined();
    expect(evaluateMatcher({ op: "count", regex: "BlackHoleCluster", min: 1 }, readSeedText("webapp-proxy-access.log"), "log")).toBe(
      "expected at least 1 line matching /BlackHoleCluster/ in log, found 0",
    );
    expect(evaluateMatcher({ op: "count", regex: "^GET ", min: 0, max: 1 }, shadowLog)).toBe("expected 0 to 1 lines matching /^GET / in output, found 2");
  });
});

describe("validateMatcher", () => {
  it("reports bad regexes, paths and counts", () => {
    expect(validateMatcher({ op: "regex", value: "(" })[0]).toMatch(/^invalid regex \/\(\//);
    expect(validateMatcher({ op: "count", regex: "a", min: 3, max: 1 })).toEqual(["count max 1 is below min 3"]);
    expect(validateMatcher({ op: "json-path", path: "$.a[", matcher: { op: "regex", value: "[" } })).toHaveLength(2);
    expect(validateMatcher({ op: "contains", value: "" })).toHaveLength(1);
    expect(validateMatcher({ op: "contains", value: "imageUrl" })).toEqual([]);
    expect(() => assertValidMatcher({ op: "regex", value: "(" })).toThrow(/invalid matcher/);
  });

  it("throws when evaluating an invalid regex", () => {
    expect(() => evaluateMatcher({ op: "regex", value: "(" }, "x")).toThrow(/invalid regex/);
  });
});

describe("describeMatcher", () => {
  it("says what each comparator wants", () => {
    expect(describeMatcher({ op: "contains", value: "imageUrl" })).toBe('contains "imageUrl"');
    expect(describeMatcher({ op: "not-contains", value: "imageUrl" })).toBe('does not contain "imageUrl"');
    expect(describeMatcher({ op: "json-path", path: "$.status.phase", matcher: { op: "equals", value: "Succeeded" } })).toBe('$.status.phase equals "Succeeded"');
    expect(describeMatcher({ op: "count", regex: "BlackHoleCluster", min: 1 })).toBe("has at least 1 line matching /BlackHoleCluster/");
    expect(describeMatcher({ op: "like", value: "a\n...\nb" })).toBe('looks like "a" (+2 lines), ignoring IPs, times and pod-name suffixes');
  });
});
