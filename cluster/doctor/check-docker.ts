import type { Exec } from "../../core/exec.js";
import { isLabError } from "../../core/errors.js";
import type { DoctorResult } from "./doctor-types.js";

// The Docker engine answers, and which version it is (undefined version: not reachable).
export async function checkDocker(exec: Exec): Promise<{ result: DoctorResult; serverVersion?: string }> {
  try {
    const answer = await exec("docker", ["version", "--format", "{{.Server.Version}}"], { allowFailure: true, timeoutMs: 15_000 });
    const version = answer.stdout.trim();
    if (answer.exitCode === 0 && version !== "") {
      return { result: { name: "Docker engine", status: "ok", detail: `reachable, version ${version}` }, serverVersion: version };
    }
    const why = (answer.stderr.trim().split("\n").pop() ?? "").slice(0, 160);
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
    return {
      result: { name: "Docker engine", status: "fail", detail: "the docker CLI is not installed", fix: "Install Docker (https://docs.docker.com/get-docker/)." },
    };
  }
}

export function dockerMajor(version: string | undefined): number | undefined {
  const major = Number.parseInt(version ?? "", 10);
  return Number.isFinite(major) ? major : undefined;
}
