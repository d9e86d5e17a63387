import type { KubeObject } from "../../core/kube.js";
import { isRolledOut } from "../../core/workloads/rollout-status.js";

interface DeploymentFields {
  spec?: { template?: { spec?: { containers?: Array<{ name: string; image?: string; env?: Array<{ name: string; value?: string }> }> } } };
}

// Rolled out the way `kubectl rollout status` decides it (the engine's rule): latest spec seen, all replicas
// updated and available.
export function isDeploymentReady(deployment: KubeObject): boolean {
  return isRolledOut(deployment);
}

// The containers of a Deployment's pod template.
export function templateContainers(deployment: KubeObject): Array<{ name: string; image?: string; env?: Array<{ name: string; value?: string }> }> {
  return (deployment as unknown as DeploymentFields).spec?.template?.spec?.containers ?? [];
}

// The tag of an image reference ("docker.io/istio/pilot:1.17.8" → "1.17.8"), ignoring a registry port and a digest.
export function imageTag(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const withoutDigest = image.split("@")[0] ?? image;
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.lastIndexOf(":");
  return colon > lastSlash ? withoutDigest.slice(colon + 1) : undefined;
}

// The image tag of the first container (or the named one) of a Deployment.
export function deploymentImageTag(deployment: KubeObject, container?: string): string | undefined {
  const containers = templateContainers(deployment);
  const chosen = container === undefined ? containers[0] : containers.find((c) => c.name === container);
  return imageTag(chosen?.image);
}
