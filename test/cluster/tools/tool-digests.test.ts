import { describe, expect, it } from "vitest";
import { PINNED_DIGESTS } from "../../../cluster/tools/tool-digests.js";

const entries = Object.entries(PINNED_DIGESTS);

describe("the pinned digest table", () => {
  it.each(entries)("%s has two or more distinct sources, a SHA-256 and, if given, a plausible size", (_key, pin) => {
    expect(new Set(pin.sources.map((source) => source.trim())).size).toBeGreaterThanOrEqual(2);
    expect(pin.sha256).toMatch(/^[0-9a-f]{64}$/);
    if (pin.bytes !== undefined) expect(pin.bytes).toBeGreaterThan(1_000_000);
  });

  it("no two artifacts (tools, platforms or versions) share a digest", () => {
    const byDigest = new Map<string, string[]>();
    for (const [key, pin] of entries) byDigest.set(pin.sha256, [...(byDigest.get(pin.sha256) ?? []), key]);
    expect([...byDigest.values()].filter((keys) => keys.length > 1)).toEqual([]);
  });

  it("kubectl v1.23.17 is pinned to its own digests and sizes, not v1.23.14's (13ce4b18…74cd)", () => {
    expect(PINNED_DIGESTS["kubectl linux/amd64"]).toMatchObject({ sha256: "f09f7338b5a677f17a9443796c648d2b80feaec9d6a094ab79a77c8a01fde941", bytes: 45_174_784 });
    expect(PINNED_DIGESTS["kubectl linux/arm64"]).toMatchObject({ sha256: "c4a48fdc6038beacbc5de3e4cf6c23639b643e76656aabe2b7798d3898ec7f05", bytes: 43_778_048 });
    expect(entries.map(([, pin]) => pin.sha256)).not.toContain("13ce4b18ba6e15d5d259249c530637dd7fb9722d121df022099f3ed5f2bd74cd");
  });

  it("Istio's archives are not pinned (no independent public copy was found): they take the first-use path", () => {
    expect(entries.filter(([key]) => key.startsWith("istioctl "))).toEqual([]);
  });
});
