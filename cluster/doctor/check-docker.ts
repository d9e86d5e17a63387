import { CommandTimeoutError, type Exec } from "../../core/exec.js";
import { isLabError } from "../../core/errors.js";
import type { DoctorResult } from "./doctor-types.js";

/** What `docker version` said about the engine: its version, or the last line of why not. */
export interface DockerAnswer {
  version: string | undefined;
  why: string;
}

// Asks the Docker engine for its version; rejects (LabError) only when the docker CLI cannot be started.
export async function askDockerVersion(exec: Exec): Promise<DockerAnswer> {
  const answer = await exec("docker", ["version", "--format", "{{.Server.Version}}"], { allowFailure: true, timeoutMs: 20_000 });
  const version = answer.stdout.trim();
  if (answer.exitCode === 0 && version !== "") return { version, why: "" };
  return { version: undefined, why: (answer.stderr.trim().split("\n").pop() ?? "").slice(0, 160) };
}

// The Docker engine answers, and which version it is (undefined version: not reachable).
export async function checkDocker(exec: Exec): Promise<{ result: DoctorResult; serverVersion?: string }> {
  try {
    const { version, why } = await askDockerVersion(exec);
    if (version !== undefined) {
      return { result: { name: "Docker engine", status: "ok", detail: `reachable, version ${version}` }, serverVersion: version };
    }
    return {
      result: {
        name: "Docker engine",
        status: "fail",
        detail: `not reachable${why ? `: ${why}` : ""}`,
        fix: "Start Docker (Docker Desktop, Colima, or the docker service), then run `npm run lab doctor` again.",
      },
    };
  } catch (error) {
    if (!isLabError(error)) throw error;
    if (error instanceof CommandTimeoutError) {
      return {
        result: {
          name: "Docker engine",
          status: "fail",
          detail: `hung: \`docker version\` did not answer within ${error.timeoutMs / 1000} s (the daemon is stuck or overloaded)`,
          fix: "Restart Docker (Docker Desktop: Restart; Linux: restart the docker service), then run `npm run lab doctor` again.",
        },
      };
    }
    return {
      result: { name: "Docker engine", status: "fail", detail: "the docker CLI is not installed", fix: "Install Docker (https://docs.docker.com/get-docker/)." },
    };
  }
}

// The major version of a Docker server version ("27.1.1" → 27), undefined when there is none.
export function dockerMajor(version: string | undefined): number | undefined {
  const major = Number.parseInt(version ?? "", 10);
  return Number.isFinite(major) ? major : undefined;
}
