// A cluster state as istiod would see it: the objects applied so far and the IstioOperator installed.
// Objects are keyed like the API server keys them; applying the same object again replaces it.

import type { IstioOperatorOptions } from "../../../cluster/istio/istio-operator.js";
import type { KubeObject, ObjectRef } from "../../../core/kube.js";

/** What the API server holds and how Istio was installed, after some lab steps. */
export interface TwinState {
  objects: KubeObject[];
  operator: IstioOperatorOptions;
}

// `apiVersion` is left out: kubectl treats v1alpha3 and v1beta1 of one kind as the same object.
function keyOf(ref: Pick<ObjectRef, "apiVersion" | "kind" | "name" | "namespace">): string {
  const group = ref.apiVersion.includes("/") ? ref.apiVersion.split("/")[0] : "";
  return `${group}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
}

// The state with `objects` applied (created or replaced), as `kubectl apply` leaves it.
export function applyObjects(state: TwinState, objects: readonly KubeObject[]): TwinState {
  const byKey = new Map(state.objects.map((object) => [keyOf({ ...object.metadata, apiVersion: object.apiVersion, kind: object.kind }), object]));
  for (const object of objects) byKey.set(keyOf({ ...object.metadata, apiVersion: object.apiVersion, kind: object.kind }), structuredClone(object));
  return { ...state, objects: [...byKey.values()] };
}

// The state without the object `ref` names; an absent object is fine (`kubectl delete --ignore-not-found`).
export function deleteObject(state: TwinState, ref: ObjectRef): TwinState {
  const key = keyOf(ref);
  return { ...state, objects: state.objects.filter((object) => keyOf({ ...object.metadata, apiVersion: object.apiVersion, kind: object.kind }) !== key) };
}

// Objects of one kind (any API version of its group), optionally in one namespace.
export function objectsOfKind(state: TwinState, kind: string, namespace?: string): KubeObject[] {
  return state.objects.filter((object) => object.kind === kind && (namespace === undefined || object.metadata.namespace === namespace));
}
