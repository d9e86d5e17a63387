import { describe, expect, it } from "vitest";
import { chooseRenderer } from "../../../engine/runner/choose-renderer.js";

describe("chooseRenderer", () => {
  it.each([
    // env, isTTY, verbose, expected
    [{}, true, false, "default"],
    [{}, false, false, "simple"],
    [{ CI: "true" }, true, false, "simple"],
    [{ CI: "1" }, true, false, "simple"],
    [{ CI: "false" }, true, false, "default"],
    [{ CI: "" }, true, false, "default"],
    [{}, true, true, "simple"],
  ] as const)("env %o, tty %s, verbose %s -> %s", (env, isTTY, verbose, expected) => {
    expect(chooseRenderer(env, isTTY, verbose)).toBe(expected);
  });
});
