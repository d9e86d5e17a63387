import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderJUnit, writeJUnit } from "../../../engine/report/junit-report.js";
import { escapeXml, escapeXmlAttribute } from "../../../engine/report/xml-escape.js";
import type { LabResult } from "../../../engine/runner/lab-result.js";
import { runLab } from "../../../engine/runner/run-lab.js";
import { failingLab, itemsCheck, passingLab, weakCheckLab } from "../runner/helpers/fake-labs.js";
import { useLabHarness } from "../runner/helpers/lab-harness.js";
import { createStepExecutor } from "../../../engine/execute/create-step-executor.js";
import { findAll, parseXml } from "./helpers/parse-xml.js";

const h = useLabHarness();

async function runFakeLabs(): Promise<LabResult[]> {
  const deps = { ctx: h.t.ctx, executor: createStepExecutor() };
  const egress = passingLab(h.server.port, "fake-egress");
  const steps = egress.steps({ fast: false });
  steps[1]!.checks.push(itemsCheck(h.server.port, "reaches jsonplaceholder", { status: 200 }, { needsEgress: true }));
  return [
    await runLab(passingLab(h.server.port), deps, h.options({ selfTest: true })),
    await runLab(failingLab(h.server.port), deps, h.options({ selfTest: true })),
    await runLab(weakCheckLab(h.server.port), deps, h.options({ selfTest: true })),
    // The fake process edge answers the egress probe with nothing: the check is skipped.
    await runLab({ ...egress, steps: () => steps }, deps, h.options()),
  ];
}

describe("JUnit report", () => {
  it("has a suite per lab and a case per step, with failures and skips counted, and parses back", async () => {
    const results = await runFakeLabs();
    const file = join(h.t.dir, "reports", "junit.xml");
    await writeJUnit(results, file);
    const root = parseXml(await readFile(file, "utf8"));

    expect(root.name).toBe("testsuites");
    const suites = findAll(root, "testsuite");
    expect(suites.map((s) => [s.attrs["name"], s.attrs["tests"], s.attrs["failures"], s.attrs["skipped"]])).toEqual([
      ["fake-pass", "2", "0", "0"],
      ["fake-fail", "3", "1", "1"],
      ["fake-weak", "2", "1", "0"],
      ["fake-egress", "2", "0", "1"],
    ]);
    const cases = findAll(root, "testcase");
    expect(cases).toHaveLength(9);
    expect(cases.every((c) => c.attrs["classname"] === findAll(root, "testsuite").find((s) => s.children.includes(c))?.attrs["name"])).toBe(true);
    expect(findAll(root, "failure")).toHaveLength(2);
    expect(findAll(root, "skipped")).toHaveLength(2);
    expect(root.attrs).toMatchObject({ tests: "9", failures: "2", skipped: "2" });

    const failed = cases.find((c) => c.attrs["name"] === "Expect the impossible")!;
    const failure = failed.children[0]!;
    // The message keeps the raw characters (escaped in the file, decoded by the parser).
    expect(failure.attrs["message"]).toBe("check failed: answers 201 & <created>");
    expect(failure.text).toContain("expected: HTTP 201");
    expect(failure.text).toContain(`command: curl`);
    expect(failure.text).toContain("seen: HTTP 200; body: [{");

    const weak = findAll(root, "failure").find((f) => f.attrs["message"]?.startsWith("weak check"))!;
    expect(weak.attrs["message"]).toBe("weak check: catalog answers passed before Shift to v2 changed anything");

    const skipped = cases.find((c) => c.attrs["classname"] === "fake-egress" && c.attrs["name"] === "Shift to v2")!;
    expect(skipped.children[0]!.attrs["message"]).toMatch(/^reaches jsonplaceholder: the cluster cannot reach the internet .*skipped, not passed$/);
  });

  it("escapes <>&\"' in names and messages and drops characters XML cannot hold", () => {
    const nasty = `a <b> & "c" 'd' \u001b[31mred\u001b[0m \u0007bell`;
    const result: LabResult = {
      labId: `lab"<&>`,
      status: "failed",
      durationMs: 1500,
      cleanup: [],
      steps: [{ title: nasty, status: "failed", durationMs: 1500, actions: [], checks: [] }],
      failure: { step: nasty, message: nasty, expected: "x < y", seen: "line 1\nline <2>", command: "curl -H 'Host: a&b'" },
    };
    const xml = renderJUnit([result]);
    const root = parseXml(xml);
    const testcase = findAll(root, "testcase")[0]!;
    expect(testcase.attrs["name"]).toBe(`a <b> & "c" 'd' red bell`);
    expect(testcase.attrs["classname"]).toBe(`lab"<&>`);
    expect(testcase.attrs["time"]).toBe("1.500");
    const failure = testcase.children[0]!;
    expect(failure.attrs["message"]).toBe(`a <b> & "c" 'd' red bell`);
    expect(failure.text).toContain("seen: line 1\nline <2>");
    expect(failure.text).toContain("command: curl -H 'Host: a&b'");
    expect(escapeXml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&apos;");
    expect(escapeXmlAttribute("a\nb")).toBe("a&#10;b");
  });

  it("renders an empty run as an empty, valid report", () => {
    const root = parseXml(renderJUnit([]));
    expect(root.attrs).toMatchObject({ tests: "0", failures: "0" });
    expect(findAll(root, "testsuite")).toHaveLength(0);
  });
});
