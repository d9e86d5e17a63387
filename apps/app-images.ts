// The container images the sample apps use, pinned to the tags the facts name (book-source-code.md §2).

/** One image a manifest under apps/ or labs/ may reference. */
export interface PinnedImage {
  /** Full reference as written in the manifests: repository and tag. */
  image: string;
  /** Where the pin comes from. */
  source: string;
  /** Architectures the upstream build is known to publish (from the facts, not checked against the registry). */
  arches: readonly ("amd64" | "arm64")[];
}

// Every image our manifests may use; a manifest with any other image fails test/manifests.
export const PINNED_IMAGES: readonly PinnedImage[] = [
  { image: "istioinaction/catalog:latest", source: "book: the only tag pushed", arches: ["amd64", "arm64"] },
  { image: "istioinaction/webapp:latest", source: "book: the only tag pushed", arches: ["amd64", "arm64"] },
  { image: "istioinaction/forum:latest", source: "book: the only tag pushed", arches: ["amd64", "arm64"] },
  { image: "cjimti/go-echo:latest", source: "book ch4/echo.yaml", arches: ["amd64"] },
  { image: "nicholasjackson/fake-service:v0.14.1", source: "book ch4/sni/simple-tls-service-*.yaml", arches: ["amd64"] },
  { image: "nicolaka/netshoot:v0.13", source: "seed uses netshoot untagged; v0.13 pinned by us", arches: ["amd64", "arm64"] },
];

// True when the image reference is one of the pinned images.
export function isPinnedImage(image: string): boolean {
  return PINNED_IMAGES.some((p) => p.image === image);
}
