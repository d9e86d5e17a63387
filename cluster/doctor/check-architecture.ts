// doctor: images published for amd64 only need emulation on an arm64 host (said before, not found by a failing pod).

import { PINNED_IMAGES } from "../../apps/app-images.js";
import type { DoctorResult } from "./doctor-types.js";

export function checkImageArchitectures(hostArch: string): DoctorResult {
  const name = "amd64-only images";
  const amd64Only = PINNED_IMAGES.filter((image) => !image.arches.includes("arm64"));
  const list = amd64Only.map((image) => `${image.image} (${image.usedFor})`).join(", ");
  const shown = hostArch === "x64" ? "amd64" : hostArch;
  if (hostArch !== "arm64" || amd64Only.length === 0) return { name, status: "ok", detail: `none needs emulation on ${shown}` };
  return {
    name,
    status: "warn",
    detail: `${list} exist for amd64 only: on this arm64 machine Docker must emulate amd64 for them`,
    fix: "Docker Desktop: enable 'Use Rosetta for x86_64/amd64 emulation' (Settings > General); Linux: `docker run --privileged --rm tonistiigi/binfmt --install amd64`.",
  };
}
