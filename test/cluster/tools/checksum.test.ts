import { describe, expect, it } from "vitest";
import { LabError } from "../../../core/errors.js";
import { checksumMismatchError, parseChecksumFile } from "../../../cluster/tools/checksum.js";

const HEX = "3a0cd2cd2f8e8ac5c1dbb1f9e8b0d3e4c77d1a9e2c5a8f1e6b0d4c3a2b1f0e9d";
const URL = "http://127.0.0.1/x.sha256";

describe("parseChecksumFile", () => {
  it.each([
    ["bare hex (kubectl .sha256)", HEX],
    ["bare hex with newline", `${HEX}\n`],
    ["sha256sum (kind/helm .sha256sum)", `${HEX}  kind-linux-amd64\n`],
    ["istio .sha256", `${HEX} istio-1.17.8-linux-amd64.tar.gz\n`],
    ["CRLF", `${HEX}  helm-v3.11.3-linux-amd64.tar.gz\r\n`],
    ["leading blank line", `\n  ${HEX}\n`],
    ["upper case", HEX.toUpperCase()],
  ])("reads %s", (_name, text) => {
    expect(parseChecksumFile(text, URL)).toBe(HEX);
  });

  it.each([
    ["empty", ""],
    ["63 hex chars", HEX.slice(1)],
    ["65 hex chars", `${HEX}0`],
    ["non-hex", `${HEX.slice(0, 63)}g`],
    ["an HTML page", "<!DOCTYPE html><html><body>Not Found</body></html>"],
    ["filename first", `kind-linux-amd64  ${HEX}`],
  ])("refuses %s as an environment error naming the URL", (_name, text) => {
    let caught: unknown;
    try {
      parseChecksumFile(text, URL);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LabError);
    expect((caught as LabError).kind).toBe("environment");
    expect((caught as LabError).message).toContain(URL);
  });
});

describe("checksumMismatchError", () => {
  it("names the URL, both hashes and the tamper hint", () => {
    const error = checksumMismatchError("http://h/a.tar.gz", "a".repeat(64), "b".repeat(64));
    expect(error.kind).toBe("environment");
    expect(error.message).toContain("http://h/a.tar.gz");
    expect(error.message).toContain(`expected ${"a".repeat(64)}`);
    expect(error.message).toContain(`got ${"b".repeat(64)}`);
    expect(error.hint).toBe("the download was corrupted or tampered with; run again, or report if it repeats");
  });
});
