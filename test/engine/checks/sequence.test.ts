import { describe, expect, it } from "vitest";
import { parseCanaryWatch } from "./canary-watch.js";
import { checkSequence, collapseRepeats, partialProgress } from "../../../engine/checks/sequence.js";
import { readSeedText } from "./seed-fixtures.js";

// What the ch5-canary lab expects (labs.md): weights 10..50, then Promoting, Finalising, Succeeded.
const EXPECTED = ["Progressing 10", "Progressing 20", "Progressing 30", "Progressing 40", "Progressing 50", "Promoting 0", "Finalising 0", "Succeeded 0"];
const FAIL_ON = ["Failed"];
const seedStates = parseCanaryWatch(readSeedText("canary-watch-promotion.txt"));

describe("checkSequence", () => {
  it("passes on the seed's real promotion", () => {
    expect(seedStates).toEqual(["Initialized 0", "Progressing 0", ...EXPECTED]);
    expect(checkSequence(seedStates, EXPECTED, FAIL_ON)).toEqual({ ok: true, failed: false, reason: expect.stringMatching(/^saw "Progressing 10", .* in order$/), matchedUpTo: 8 });
  });

  it("collapses repeats a watch re-emits", () => {
    const repeated = seedStates.flatMap((state) => [state, state]);
    expect(checkSequence(repeated, EXPECTED, FAIL_ON).ok).toBe(true);
    expect(collapseRepeats(["a", "a", "b", "a"])).toEqual(["a", "b", "a"]);
  });

  it("fails on a skipped weight", () => {
    const skipped = seedStates.filter((state) => state !== "Progressing 20");
    expect(checkSequence(skipped, EXPECTED, FAIL_ON)).toEqual({ ok: false, failed: true, reason: 'skipped "Progressing 20": saw "Progressing 30" after "Progressing 10"', matchedUpTo: 1 });
  });

  it("fails at once on Failed, even before the first expected state", () => {
    const rollback = [...seedStates.slice(0, 5), "Failed 0"];
    expect(checkSequence(rollback, EXPECTED, FAIL_ON)).toMatchObject({ ok: false, failed: true, reason: 'saw "Failed 0" after "Progressing 30"', matchedUpTo: 3 });
    expect(checkSequence(["Initialized 0", "Failed 0"], EXPECTED, FAIL_ON)).toMatchObject({ failed: true, matchedUpTo: 0 });
  });

  it("fails when the order goes backwards or an unknown state appears", () => {
    const backwards = ["Progressing 10", "Progressing 20", "Progressing 30", "Progressing 10"];
    expect(checkSequence(backwards, EXPECTED, FAIL_ON)).toMatchObject({ failed: true, reason: 'went back to "Progressing 10" after "Progressing 30"' });
    const unknown = ["Progressing 10", "Waiting 10"];
    expect(checkSequence(unknown, EXPECTED, FAIL_ON)).toMatchObject({ failed: true, reason: 'unexpected "Waiting 10" after "Progressing 10", expected "Progressing 20"' });
  });

  it("keeps waiting when stuck at 30, and says so", () => {
    const stuck = seedStates.slice(0, 5);
    expect(checkSequence(stuck, EXPECTED, FAIL_ON)).toEqual({
      ok: false,
      failed: false,
      reason: 'waiting for "Progressing 40" (3 of 8 seen, last saw "Progressing 30")',
      matchedUpTo: 3,
    });
    expect(partialProgress(stuck, EXPECTED)).toBe('3/8: Progressing 10 -> Progressing 20 -> Progressing 30; waiting for "Progressing 40"');
  });

  it("ignores what comes before the first expected state and after the last", () => {
    expect(checkSequence(["Succeeded 0", "Initialized 0", ...EXPECTED, "Failed 0"], EXPECTED, FAIL_ON).ok).toBe(true);
    expect(partialProgress(["Initialized 0"], EXPECTED)).toBe('0/8: none of the expected states; waiting for "Progressing 10"; last seen "Initialized 0"');
    expect(checkSequence([], EXPECTED).reason).toBe('waiting for "Progressing 10" (0 of 8 seen, nothing yet)');
  });
});

describe("checkSequence near misses", () => {
  it("a state only containing the expected one does not advance it", () => {
    expect(checkSequence(["Progressing 100"], ["Progressing 10"])).toMatchObject({ ok: false, failed: false, matchedUpTo: 0 });
  });

  it("going back one step fails as going back, not as waiting", () => {
    const backOne = ["Progressing 10", "Progressing 20", "Progressing 30", "Progressing 20"];
    expect(checkSequence(backOne, EXPECTED, FAIL_ON)).toMatchObject({ failed: true, reason: 'went back to "Progressing 20" after "Progressing 30"', matchedUpTo: 3 });
  });

  it("failOn matches the whole state or its first words, not a state that merely contains it", () => {
    expect(checkSequence(["Progressing 10", "Failed"], EXPECTED, FAIL_ON)).toMatchObject({ failed: true, reason: 'saw "Failed" after "Progressing 10"' });
    expect(checkSequence(["AutoFailed 0", "Not Failed 0", ...EXPECTED], EXPECTED, FAIL_ON).ok).toBe(true);
  });

  it("says what passed once one state is seen, and waits for nothing once all are", () => {
    expect(partialProgress(["Progressing 10"], EXPECTED)).toBe('1/8: Progressing 10; waiting for "Progressing 20"');
    expect(partialProgress(EXPECTED, EXPECTED)).toBe(`8/8: ${EXPECTED.join(" -> ")}`);
    expect(partialProgress([], EXPECTED)).toBe('0/8: none of the expected states; waiting for "Progressing 10"');
  });
});

describe("parseCanaryWatch", () => {
  it("reads the seed's initialisation watch", () => {
    expect(parseCanaryWatch(readSeedText("canary-watch-initialized.txt"))).toEqual(["Initializing 0", "Initialized 0"]);
  });

  it("skips comments, blank lines, repeated headers and other canaries", () => {
    const text = [
      "NAME              STATUS        WEIGHT   LASTTRANSITIONTIME",
      "catalog-release   Progressing   10       2025-04-19T06:09:54Z # 45s apart",
      "",
      "# a note",
      "other-release     Progressing   30       2025-04-19T06:09:54Z",
      "NAME              STATUS        WEIGHT   LASTTRANSITIONTIME",
      "catalog-release   Progressing   20       2025-04-19T06:10:39Z\r",
    ].join("\n");
    expect(parseCanaryWatch(text, "catalog-release")).toEqual(["Progressing 10", "Progressing 20"]);
  });
});
