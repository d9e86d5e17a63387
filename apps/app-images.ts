// The container images the sample apps use, pinned to the tags the facts name (book-source-code.md §2).

/** One image a manifest under apps/ or labs/ may reference. */
export interface PinnedImage {
  /** Full reference as written in the manifests: repository and tag. */
  image: string;
  /** Where the pin comes from. */
  source: string;
  /** Architectures the upstream build is known to publish (from the facts, not checked against the registry). */
  arches: readonly ("amd64" | "arm64")[];
  /** What runs it, for doctor's word on emulation. */
  usedFor: string;
}

// Every image our manifests may use; a manifest with any other image fails test/manifests.
export const PINNED_IMAGES: readonly PinnedImage[] = [
  { image: "istioinaction/catalog:latest", source: "book: the only tag pushed", arches: ["amd64", "arm64"], usedFor: "catalog" },
  { image: "istioinaction/webapp:latest", source: "book: the only tag pushed", arches: ["amd64", "arm64"], usedFor: "webapp" },
  { image: "istioinaction/forum:latest", source: "book: the only tag pushed", arches: ["amd64", "arm64"], usedFor: "forum (ch5-registry-only)" },
  { image: "cjimti/go-echo:latest", source: "book ch4/echo.yaml (the only tag pushed)", arches: ["amd64"], usedFor: "tcp-echo (ch4-tcp, ch4-split-gateway)" },
  { image: "nicholasjackson/fake-service:v0.14.1", source: "book ch4/sni/simple-tls-service-*.yaml", arches: ["amd64"], usedFor: "simple-tls-service-1/2 (ch4-sni-passthrough)" },
  { image: "nicolaka/netshoot:v0.13", source: "seed uses netshoot untagged; v0.13 pinned by us", arches: ["amd64", "arm64"], usedFor: "netshoot" },
];

// True when the image reference is one of the pinned images.
export function isPinnedImage(image: string): boolean {
  return PINNED_IMAGES.some((p) => p.image === image);
}

// The images of a list that are published for amd64 only (unknown images are not judged).
export function amd64OnlyImages(images: readonly string[]): string[] {
  return images.filter((image) => {
    const pinned = PINNED_IMAGES.find((p) => p.image === image);
    return pinned !== undefined && !pinned.arches.includes("arm64");
  });
}

// Said before a lab on an arm64 host when some of its images exist for amd64 only; undefined when none do.
export function emulationNotice(hostArch: string, images: readonly string[]): string | undefined {
  const amd64Only = amd64OnlyImages(images);
  if (hostArch !== "arm64" || amd64Only.length === 0) return undefined;
  return (
    `On this arm64 machine ${amd64Only.join(" and ")} ${amd64Only.length === 1 ? "is" : "are"} published for amd64 only, so Docker must emulate amd64 for ${amd64Only.length === 1 ? "it" : "them"}: ` +
    "Docker Desktop does with 'Use Rosetta for x86_64/amd64 emulation' (Settings > General); on Linux register QEMU for amd64 first " +
    "(`docker run --privileged --rm tonistiigi/binfmt --install amd64`). Without emulation the pod fails with `exec format error`."
  );
}
