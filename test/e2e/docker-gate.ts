import { execFileSync } from "node:child_process";

// Why the Docker-only suite cannot run here, or undefined when a Docker engine answers.
export function dockerUnavailableReason(): string | undefined {
  try {
    execFileSync("docker", ["version", "--format", "{{.Server.Version}}"], { stdio: "pipe", timeout: 10_000 });
    return undefined;
  } catch (error) {
    const detail = (error as { code?: string }).code === "ENOENT" ? "the docker CLI is not installed" : "no Docker engine answers (docker version failed)";
    return `e2e skipped: these tests create a real kind cluster and need Docker + internet; ${detail}.`;
  }
}

export const DOCKER_SKIP_REASON = dockerUnavailableReason();
if (DOCKER_SKIP_REASON) console.warn(DOCKER_SKIP_REASON);
