// client-node's KubernetesObjectApi with the two things the adapter needs that it lacks, and the
// conversions between our plain objects and its request shapes.
import type * as K8s from "@kubernetes/client-node";
import { refOf, type KubeObject, type ObjectRef } from "../kube.js";

/** The field manager of every server-side apply this project makes. */
export const FIELD_MANAGER = "istio-lab";

type ClientNode = typeof K8s;

// KubernetesObjectApi plus: the collection path of a kind (same discovery), which a watch needs; and a
// server-side apply that sends the object as given. The stock patch() first runs built-in kinds through the
// typed models, which silently drops fields they do not know (a CRD's x-kubernetes-* schema keys, for one).
export function defineObjectApi(k8s: ClientNode) {
  return class LabObjectApi extends k8s.KubernetesObjectApi {
    collectionPath(apiVersion: string, kind: string, namespace?: string): Promise<string> {
      const metadata = namespace === undefined ? {} : { namespace };
      return this.specUriPath({ apiVersion, kind, metadata }, "list");
    }

    async serverSideApply(object: KubeObject): Promise<void> {
      const path = await this.specUriPath(headerOf(refOf(object)), "patch");
      const request = this.configuration.baseServer.makeRequestContext(path, k8s.HttpMethod.PATCH);
      request.setHeaderParam("Accept", "application/json, */*;q=0.8");
      request.setHeaderParam("Content-Type", k8s.PatchStrategy.ServerSideApply);
      request.setQueryParam("fieldManager", FIELD_MANAGER);
      request.setQueryParam("force", "true");
      request.setBody(JSON.stringify(object));
      await this.requestPromise(request);
    }
  };
}

// The object header client-node addresses a read, delete or patch by.
export function headerOf(ref: ObjectRef): K8s.KubernetesObject & { metadata: { name: string } } {
  const metadata: { name: string; namespace?: string } = { name: ref.name };
  if (ref.namespace !== undefined) metadata.namespace = ref.namespace;
  return { apiVersion: ref.apiVersion, kind: ref.kind, metadata };
}

// Plain JSON (ISO date strings, no model classes), as the API server sent it.
export function toPlain(value: unknown): KubeObject {
  return JSON.parse(JSON.stringify(value)) as KubeObject;
}
