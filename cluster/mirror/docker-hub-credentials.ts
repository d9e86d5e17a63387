// Docker Hub credentials for the docker.io mirror: the node's containerd and the mirrors pull anonymously (a host
// `docker login` does not reach them), and a fresh `up` plus the labs pulls about 14 Docker Hub images.
import { environmentError } from "../../core/errors.js";
import { DOCKER_HUB_TOKEN_ENV, DOCKER_HUB_USER_ENV } from "../../core/workloads/pull-rate-limit.js";

/** What the docker.io mirror container gets: its proxy credentials, passed by name so no value is printed. */
export interface DockerHubCredentials {
  username: string;
  password: string;
}

// Both variables, or neither (anonymous pulls); one without the other is a mistake worth saying.
export function dockerHubCredentials(env: Readonly<Record<string, string | undefined>>): DockerHubCredentials | undefined {
  const username = env[DOCKER_HUB_USER_ENV] ?? "";
  const password = env[DOCKER_HUB_TOKEN_ENV] ?? "";
  if (username === "" && password === "") return undefined;
  if (username === "" || password === "") {
    throw environmentError(`Only one of ${DOCKER_HUB_USER_ENV} and ${DOCKER_HUB_TOKEN_ENV} is set.`, {
      hint: `Set both (your Docker Hub user and an access token from hub.docker.com > Account settings > Personal access tokens), or neither to pull anonymously.`,
    });
  }
  return { username, password };
}

// The registry:2 proxy's own variables, for the docker CLI's environment (named, without values, in `docker run`).
export function registryProxyEnv(credentials: DockerHubCredentials): Record<string, string> {
  return { REGISTRY_PROXY_USERNAME: credentials.username, REGISTRY_PROXY_PASSWORD: credentials.password };
}
