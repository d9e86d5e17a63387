// The objects a lab has applied after its first N steps (kubectl apply -n / delete), and the TLS secrets it
// generated: what decides which stand-ins run and which certificates the gateway presents.

import type { KubeObject } from "../../../../core/kube.js";
import { loadManifest } from "../../../../engine/execute/actions/load-manifest.js";
import type { Action, LabDefinition } from "../../../../engine/lab-types.js";

export type TlsSecretAction = Extract<Action, { kind: "tls-secret" }>;

/** The lab's state after some steps. */
export interface ReplayedState {
  objects: KubeObject[];
  tlsSecrets: TlsSecretAction[];
}

const keyOf = (object: { kind: string; metadata: { namespace?: string | undefined; name: string } }): string =>
  `${object.kind}/${object.metadata.namespace ?? "default"}/${object.metadata.name}`;

// Replays the apply, delete and tls-secret actions of steps 1..stepNumber (0: nothing applied yet).
export async function replayObjects(projectRoot: string, lab: LabDefinition, stepNumber: number): Promise<ReplayedState> {
  const objects = new Map<string, KubeObject>();
  const tlsSecrets = new Map<string, TlsSecretAction>();
  for (const step of lab.steps({ fast: false }).slice(0, stepNumber)) {
    for (const action of step.actions) {
      if (action.kind === "apply") {
        for (const object of await loadManifest(projectRoot, action.file, action.namespace)) objects.set(keyOf(object), object);
      } else if (action.kind === "delete" && action.target !== undefined) {
        objects.delete(keyOf({ kind: action.target.kind, metadata: { namespace: action.target.namespace, name: action.target.name } }));
      } else if (action.kind === "delete" && action.file !== undefined) {
        for (const object of await loadManifest(projectRoot, action.file)) objects.delete(keyOf(object));
      } else if (action.kind === "tls-secret") {
        tlsSecrets.set(`${action.namespace}/${action.name}`, action);
      }
    }
  }
  return { objects: [...objects.values()], tlsSecrets: [...tlsSecrets.values()] };
}

// The objects of one kind.
export function objectsOfKind(state: ReplayedState, kind: string): KubeObject[] {
  return state.objects.filter((object) => object.kind === kind);
}
