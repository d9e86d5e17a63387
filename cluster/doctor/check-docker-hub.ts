// doctor: Docker Hub pulls: anonymous or with the user's credentials, and whether Docker Hub refused one with 429.

import { describeError } from "../../core/errors.js";
import { RATE_LIMIT_HINT, isPullRateLimited } from "../../core/workloads/pull-rate-limit.js";
import { dockerHubCredentials, type DockerHubCredentials } from "../mirror/docker-hub-credentials.js";
import type { DoctorResult } from "./doctor-types.js";

// `mirrorLog`: the docker.io mirror's recent log (undefined when there is none to read).
export function checkDockerHub(env: Readonly<Record<string, string | undefined>>, mirrorLog: string | undefined): DoctorResult {
  const name = "Docker Hub pulls";
  let credentials: DockerHubCredentials | undefined;
  try {
    credentials = dockerHubCredentials(env);
  } catch (error) {
    return { name, status: "fail", detail: describeError(error), fix: "Set both, or neither to pull anonymously." };
  }
  const how = credentials === undefined ? "anonymous (Docker Hub limits anonymous pulls per IP address)" : `as ${credentials.username} (the docker.io mirror takes these credentials when it is created)`;
  if (mirrorLog !== undefined && isPullRateLimited(mirrorLog)) return { name, status: "warn", detail: `${how}; the docker.io mirror's log shows a pull refused with 429`, fix: RATE_LIMIT_HINT };
  return { name, status: "ok", detail: how };
}
