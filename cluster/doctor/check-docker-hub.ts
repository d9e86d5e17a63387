// doctor: Docker Hub pulls: anonymous or with the user's credentials, and whether Docker Hub refused one with 429.

import { DOCKER_HUB_TOKEN_ENV, DOCKER_HUB_USER_ENV, RATE_LIMIT_HINT, isPullRateLimited } from "../../core/workloads/pull-rate-limit.js";
import type { DoctorResult } from "./doctor-types.js";

// `mirrorLog`: the docker.io mirror's recent log (undefined when there is none to read).
export function checkDockerHub(env: Readonly<Record<string, string | undefined>>, mirrorLog: string | undefined): DoctorResult {
  const name = "Docker Hub pulls";
  const user = env[DOCKER_HUB_USER_ENV] ?? "";
  const token = env[DOCKER_HUB_TOKEN_ENV] ?? "";
  if ((user === "") !== (token === "")) {
    return { name, status: "fail", detail: `only one of ${DOCKER_HUB_USER_ENV} and ${DOCKER_HUB_TOKEN_ENV} is set`, fix: "Set both, or neither to pull anonymously." };
  }
  const how = user === "" ? "anonymous (Docker Hub limits anonymous pulls per IP address)" : `as ${user} (the docker.io mirror takes these credentials when it is created)`;
  if (mirrorLog !== undefined && isPullRateLimited(mirrorLog)) return { name, status: "warn", detail: `${how}; the docker.io mirror's log shows a pull refused with 429`, fix: RATE_LIMIT_HINT };
  return { name, status: "ok", detail: how };
}
