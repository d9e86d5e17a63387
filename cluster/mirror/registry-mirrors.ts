// The image cache that outlives the cluster: one pull-through `registry:2` per upstream registry the labs pull
// from, on Docker's `kind` network, named in the node's containerd config (the kind docs' mirror pattern).

/** registry 2.8.3, pinned by its image index digest. Sources that agree: public CI scripts of independent projects
 * pinning `registry:2.8.3@sha256:a3d8aaa6…` (code index files 63391052824, 62887104168), and a research note reading
 * Docker Hub's `library/registry:2` index as the same digest (70080640459). */
export const REGISTRY_IMAGE = "registry:2.8.3@sha256:a3d8aaa63ed8681a604f1dea0aa03f100d5895b6a58ace528858a7b332415373";
/** The port registry:2 listens on inside its container. */
export const MIRROR_PORT = 5000;
/** Set to 1 to run without the mirrors (the node then pulls straight from the registries). */
export const NO_MIRROR_ENV = "ISTIO_LAB_NO_MIRROR";

/** One upstream registry and the container (and volume, same name) that caches it. */
export interface RegistryMirror {
  /** The registry host as images name it (docker.io, quay.io, ghcr.io). */
  upstream: string;
  /** Where registry:2 fetches what it does not hold yet. */
  remoteUrl: string;
  container: string;
  /** The images the labs take from this registry (for docs and status). */
  serves: string;
}

// Docker Hub: Istio, the addons, the book's apps; quay.io: Kiali; ghcr.io: Flagger. No lab pulls from gcr.io.
export const REGISTRY_MIRRORS: readonly RegistryMirror[] = [
  { upstream: "docker.io", remoteUrl: "https://registry-1.docker.io", container: "istio-lab-mirror-docker-io", serves: "istio/pilot, istio/proxyv2, prom/prometheus, grafana, jaeger, istioinaction/*, netshoot, fake-service, go-echo" },
  { upstream: "quay.io", remoteUrl: "https://quay.io", container: "istio-lab-mirror-quay-io", serves: "kiali/kiali" },
  { upstream: "ghcr.io", remoteUrl: "https://ghcr.io", container: "istio-lab-mirror-ghcr-io", serves: "fluxcd/flagger" },
];

// `docker run` arguments for one mirror: restarted with Docker, its cache in a named volume. With Docker Hub
// credentials the docker.io mirror takes REGISTRY_PROXY_USERNAME/PASSWORD from the docker CLI's environment by name.
export function runMirrorArgs(mirror: RegistryMirror, network = "kind", withCredentials = false): string[] {
  const credentials = withCredentials && mirror.upstream === "docker.io" ? ["-e", "REGISTRY_PROXY_USERNAME", "-e", "REGISTRY_PROXY_PASSWORD"] : [];
  return [
    "run", "-d", "--restart=always", "--name", mirror.container, "--network", network,
    "-v", `${mirror.container}:/var/lib/registry`,
    "-e", `REGISTRY_PROXY_REMOTEURL=${mirror.remoteUrl}`,
    ...credentials,
    REGISTRY_IMAGE,
  ];
}

// The kind config's containerdConfigPatches entry: each registry tries its mirror first, then itself. This is
// the CRI `registry.mirrors` form, deprecated since kind v0.20 but read by the containerd 1.x of the pinned
// v0.22 node image; moving to containerd 2 means `config_path` and hosts.toml files instead.
export function containerdMirrorPatch(mirrors: readonly RegistryMirror[] = REGISTRY_MIRRORS): string {
  return mirrors
    .map((mirror) => [
      `[plugins."io.containerd.grpc.v1.cri".registry.mirrors."${mirror.upstream}"]`,
      `  endpoint = ["http://${mirror.container}:${MIRROR_PORT}", "${mirror.remoteUrl}"]`,
    ].join("\n"))
    .join("\n");
}

// True unless ISTIO_LAB_NO_MIRROR=1 (or true) opts out.
export function mirrorsEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env[NO_MIRROR_ENV]?.toLowerCase();
  return !(value === "1" || value === "true");
}
