// Docker Hub's pull limit: how a refused pull reads, and what a person can do about it.

export const DOCKER_HUB_USER_ENV = "ISTIO_LAB_DOCKERHUB_USERNAME";
export const DOCKER_HUB_TOKEN_ENV = "ISTIO_LAB_DOCKERHUB_TOKEN";

// Docker Hub's answer to an anonymous client over its pull limit, as containerd and registry:2 report it.
export function isPullRateLimited(text: string): boolean {
  return /toomanyrequests|429 Too Many Requests|reached your (unauthenticated )?pull rate limit/i.test(text);
}

// What to do about a 429 from Docker Hub (the node and the mirrors pull anonymously; a host `docker login` does not reach them).
export const RATE_LIMIT_HINT =
  `Docker Hub refused a pull with 429 (its anonymous pull limit, per IP address). Set ${DOCKER_HUB_USER_ENV} and ${DOCKER_HUB_TOKEN_ENV} ` +
  "(your Docker Hub user and an access token), run `npm run lab -- down --all` so the docker.io mirror is recreated with them, then `npm run lab up`; or wait a few hours.";
