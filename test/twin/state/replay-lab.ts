// Replays a lab's actions onto a TwinState the way they change what istiod sees: `kubectl apply -n`,
// deletes, Istio re-installs with another mesh config, generated TLS Secrets and `istioctl install` of
// extra gateways. Actions that only wait, exec or send traffic change nothing here.

import { isNamespacedKind, loadManifest } from "../../../engine/execute/actions/load-manifest.js";
import { tlsSecretObject } from "../../../engine/execute/actions/tls-secret-action.js";
import type { CertStore } from "../../../engine/certs/cert-types.js";
import type { Action, LabDefinition } from "../../../engine/lab-types.js";
import type { KubeObject } from "../../../core/kube.js";
import { refOf } from "../../../core/kube.js";
import { createBaselineState } from "./baseline-state.js";
import { gatewayComponentsOf, gatewayObjects } from "./gateway-objects.js";
import { applyObjects, deleteObject, type TwinState } from "./twin-state.js";

/** What replaying needs from outside: where lab files live and a store that issues certificates. */
export interface ReplayContext {
  projectRoot: string;
  certs: CertStore;
  /** Changes the objects of a lab file before they are applied (the broken-manifest tests). */
  mutate?: (file: string, objects: KubeObject[]) => KubeObject[];
}

// kubectl's default namespace for namespaced objects that name none and get no -n.
function defaultNamespace(objects: KubeObject[]): KubeObject[] {
  return objects.map((object) =>
    isNamespacedKind(object.kind) && object.metadata.namespace === undefined ? { ...object, metadata: { ...object.metadata, namespace: "default" } } : object,
  );
}

// `istioctl install [-n ns] -f file`: the gateways the operator file enables; other istioctl commands change nothing.
async function replayIstioctl(state: TwinState, args: readonly string[], ctx: ReplayContext): Promise<TwinState> {
  if (args[0] !== "install") return state;
  const fileIndex = args.indexOf("-f");
  const nsIndex = args.indexOf("-n");
  const file = fileIndex >= 0 ? args[fileIndex + 1] : undefined;
  if (file === undefined) return state;
  const installNamespace = (nsIndex >= 0 ? args[nsIndex + 1] : undefined) ?? "istio-system";
  const operators = (await loadManifest(ctx.projectRoot, file)).filter((object) => object.kind === "IstioOperator");
  const gateways = operators.flatMap((operator) => gatewayComponentsOf(operator, installNamespace)).flatMap(gatewayObjects);
  return applyObjects(state, gateways);
}

// The state after one action.
export async function replayAction(state: TwinState, action: Action, ctx: ReplayContext): Promise<TwinState> {
  switch (action.kind) {
    case "apply": {
      const objects = defaultNamespace(await loadManifest(ctx.projectRoot, action.file, action.namespace));
      return applyObjects(state, ctx.mutate === undefined ? objects : ctx.mutate(action.file, objects));
    }
    case "delete": {
      const refs = action.target !== undefined ? [action.target] : action.file !== undefined ? defaultNamespace(await loadManifest(ctx.projectRoot, action.file)).map(refOf) : [];
      return refs.reduce(deleteObject, state);
    }
    case "mesh-config":
      return {
        ...state,
        operator: {
          outboundTrafficPolicy: action.outboundTrafficPolicy,
          ...(action.pilotEnv === undefined ? {} : { pilotEnv: action.pilotEnv }),
          ...(action.accessLogFile === undefined ? {} : { accessLogFile: action.accessLogFile }),
        },
      };
    case "tls-secret":
      return applyObjects(state, [tlsSecretObject(action, await ctx.certs.issue(action.caName, action.commonName, "server"))]);
    case "istioctl":
      return replayIstioctl(state, action.args, ctx);
    case "exec":
    case "rollout":
    case "traffic":
    case "docker":
      return state;
  }
}

// The state after the actions of steps 1..stepNumber (0: the baseline before the lab's first step).
export async function replayLab(lab: LabDefinition, stepNumber: number, ctx: ReplayContext): Promise<TwinState> {
  let state = createBaselineState();
  for (const step of lab.steps({ fast: false }).slice(0, stepNumber)) {
    for (const action of step.actions) state = await replayAction(state, action, ctx);
  }
  return state;
}
