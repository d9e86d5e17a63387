import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { filterLabChoices, labChoices, pickLab } from "../../../engine/runner/lab-picker.js";
import { LABS } from "../../../labs/registry.js";

// A keyboard for the prompt: keys go in one at a time, as a person types them.
async function typeKeys(stdin: PassThrough, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    stdin.write(key);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

function screen(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
  return { stream, text: () => text };
}

const ENTER = "\r";
const DOWN = "\u001B[B";

describe("lab picker", () => {
  it("filters the 26 labs by every typed word, in any case, over id, title and what the lab proves", () => {
    const choices = labChoices(LABS);
    expect(choices).toHaveLength(LABS.length);
    expect(filterLabChoices("mirr", choices).map((c) => c.value)).toEqual(["ch5-mirror"]);
    expect(filterLabChoices("CANARY", choices).map((c) => c.value)).toEqual(["ch5-canary", "ch5-canary-rollback"]);
    const tls = filterLabChoices("ch4 tls", choices).map((c) => c.value);
    expect(tls).toEqual(expect.arrayContaining(["ch4-tls", "ch4-mtls", "ch4-multi-host-tls"]));
    expect(tls.every((id) => id.startsWith("ch4-"))).toBe(true);
    expect(filterLabChoices("", choices)).toHaveLength(LABS.length);
    expect(filterLabChoices("no such lab", choices)).toEqual([]);
  });

  it("runs the lab left after typing part of its name and pressing Enter", async () => {
    const stdin = new PassThrough();
    const out = screen();
    const picked = pickLab(LABS, { stdin, stdout: out.stream });
    await typeKeys(stdin, [..."mirr", ENTER]);
    expect((await picked)?.id).toBe("ch5-mirror");
    expect(out.text()).toContain("ch5-mirror");
  });

  it("moves within the filtered rows with the arrow keys", async () => {
    const stdin = new PassThrough();
    const picked = pickLab(LABS, { stdin, stdout: screen().stream });
    await typeKeys(stdin, [..."canary", DOWN, ENTER]);
    expect((await picked)?.id).toBe("ch5-canary-rollback");
  });

  it("returns nothing when cancelled with Esc (not the highlighted lab) or Ctrl-C", async () => {
    for (const key of ["\u001B", "\u0003"]) {
      const stdin = new PassThrough();
      const picked = pickLab(LABS, { stdin, stdout: screen().stream });
      await typeKeys(stdin, [..."mirr", key]);
      expect(await picked).toBeUndefined();
    }
  });
});
