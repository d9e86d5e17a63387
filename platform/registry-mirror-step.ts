// The `up` step that starts the image cache: a pull-through registry per upstream, on the kind network.

import { formatCommand } from "../core/shell-quote.js";
import { readMirrorStates } from "../cluster/mirror/mirror-state.js";
import { dockerHubCredentials, registryProxyEnv } from "../cluster/mirror/docker-hub-credentials.js";
import { REGISTRY_MIRRORS, runMirrorArgs } from "../cluster/mirror/registry-mirrors.js";
import type { PlatformStep } from "../cluster/install/platform-types.js";

// Done when every mirror runs on the kind network; run starts, creates or connects what is missing. Docker Hub
// credentials (ISTIO_LAB_DOCKERHUB_USERNAME/TOKEN) go to a docker.io mirror created now.
export function registryMirrorStep(env: Readonly<Record<string, string | undefined>> = process.env): PlatformStep {
  const credentials = dockerHubCredentials(env);
  const withCredentials = credentials !== undefined;
  return {
    id: "registry-mirrors",
    title: `Image cache: pull-through registries for ${REGISTRY_MIRRORS.map((m) => m.upstream).join(", ")} on the kind network (kept by \`down\`)`,
    command: [
      ...REGISTRY_MIRRORS.map((mirror) => formatCommand("docker", runMirrorArgs(mirror, "kind", withCredentials))),
      `# kind-config.yaml's containerdConfigPatches send ${REGISTRY_MIRRORS.map((m) => m.upstream).join(", ")} pulls here first, then to the registry itself`,
    ].join("\n"),
    async isDone({ exec }) {
      return (await readMirrorStates(exec)).every((state) => state.state === "running" && state.onKindNetwork);
    },
    async run({ exec, log }) {
      for (const { mirror, state, onKindNetwork } of await readMirrorStates(exec)) {
        if (state === "absent") {
          const args = runMirrorArgs(mirror, "kind", withCredentials);
          log(formatCommand("docker", args));
          await exec("docker", args, credentials === undefined ? {} : { env: registryProxyEnv(credentials) });
          continue;
        }
        if (state === "stopped") await exec("docker", ["start", mirror.container]);
        if (!onKindNetwork) await exec("docker", ["network", "connect", "kind", mirror.container]);
      }
    },
  };
}

// `down --all`: the mirrors and their cached images go too.
export function removeMirrorsStep(): PlatformStep {
  const names = REGISTRY_MIRRORS.map((mirror) => mirror.container);
  return {
    id: "remove-registry-mirrors",
    title: "Remove the image cache (the registry mirrors and their volumes)",
    command: [formatCommand("docker", ["rm", "-f", ...names]), formatCommand("docker", ["volume", "rm", ...names])].join("\n"),
    async isDone({ exec }) {
      return (await readMirrorStates(exec)).every((state) => state.state === "absent");
    },
    async run({ exec }) {
      await exec("docker", ["rm", "-f", ...names], { allowFailure: true });
      await exec("docker", ["volume", "rm", ...names], { allowFailure: true });
    },
  };
}
