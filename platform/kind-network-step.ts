import { environmentError } from "../core/errors.js";
import type { Exec } from "../core/exec.js";
import { askDockerVersion, dockerMajor } from "../cluster/doctor/check-docker.js";
import type { PlatformStep } from "../cluster/install/platform-types.js";

// A network inspect or create answers in a second; longer means the Docker daemon is hung.
const DOCKER_QUICK_MS = 30_000;

// Docker >= 27 + kind v0.22: kind's own IPv6 network creation fails on hosts without ip6tables NAT; a plain
// bridge network named `kind` made beforehand is reused by kind (kind#1526).
export function kindNetworkStep(): PlatformStep {
  return {
    id: "kind-network",
    title: "Docker network 'kind' (pre-created on Docker >= 27, where kind v0.22 fails to create it with IPv6)",
    command: "docker network create -d=bridge kind",
    async isDone({ exec, signal }) {
      const major = dockerMajor(await dockerServerVersion(exec));
      if (major === undefined || major < 27) return true;
      return (await exec("docker", ["network", "inspect", "kind"], { allowFailure: true, timeoutMs: DOCKER_QUICK_MS, signal })).exitCode === 0;
    },
    async run({ exec, signal }) {
      await exec("docker", ["network", "create", "-d=bridge", "kind"], { timeoutMs: DOCKER_QUICK_MS, signal });
    },
  };
}

// The Docker engine's version; refuses with a next step when no engine answers.
export async function dockerServerVersion(exec: Exec): Promise<string> {
  const { version } = await askDockerVersion(exec);
  if (version !== undefined) return version;
  throw environmentError("No Docker engine answers (docker version failed): kind needs Docker to run the cluster node.", {
    hint: "Start Docker (Docker Desktop, Colima or the docker service), then `npm run lab up`; `npm run lab doctor` checks the machine.",
  });
}
