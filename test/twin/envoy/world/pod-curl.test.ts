import { describe, expect, it } from "vitest";
import { setBlowup } from "../../../../labs/ch2-retries/blowup.js";
import { parsePodCurl } from "./pod-curl.js";

describe("parsePodCurl", () => {
  it("reads ch2-retries' own blowup command: POST, JSON body, header, path", () => {
    const action = setBlowup(true);
    if (action.kind !== "exec") throw new Error("setBlowup is an exec action");
    expect(parsePodCurl(action.command)).toEqual({ method: "POST", headers: { "content-type": "application/json" }, body: '{"active":true,"type":"500","percentage":50}', path: "/blowup" });
  });

  it("refuses commands the twin does not perform", () => {
    expect(() => parsePodCurl(["wget", "-qO-", "http://localhost:8080/"])).toThrow(/only performs curl/);
    expect(() => parsePodCurl(["curl", "-o", "/dev/null", "localhost:1/x"])).toThrow(/unsupported curl argument -o/);
  });
});
