import { describe, expect, it } from "vitest";
import { emulationNotice } from "../../../apps/app-images.js";
import { labImages } from "../../../engine/plan/lab-images.js";
import { LABS } from "../../../labs/registry.js";

const lab = (id: string) => {
  const found = LABS.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no lab ${id}`);
  return found;
};

describe("labImages", () => {
  it("lists the images the lab's own manifests run", async () => {
    expect(await labImages(lab("ch4-tcp"))).toContain("cjimti/go-echo:latest");
    expect(await labImages(lab("ch4-sni-passthrough"))).toContain("nicholasjackson/fake-service:v0.14.1");
    expect(await labImages(lab("ch5-routing"))).not.toContain("cjimti/go-echo:latest");
  });
});

describe("emulationNotice", () => {
  it("on arm64 names each amd64-only image of the lab and how to enable emulation", async () => {
    const notice = emulationNotice("arm64", await labImages(lab("ch4-tcp")));
    expect(notice).toContain("cjimti/go-echo:latest is published for amd64 only");
    expect(notice).toContain("Rosetta");
    expect(notice).toContain("tonistiigi/binfmt");
  });

  it("says nothing on amd64, nor for a lab whose images are all multi-arch", async () => {
    expect(emulationNotice("x64", await labImages(lab("ch4-tcp")))).toBeUndefined();
    expect(emulationNotice("arm64", await labImages(lab("ch5-routing")))).toBeUndefined();
    expect(emulationNotice("arm64", ["unknown/image:1"])).toBeUndefined();
  });
});
