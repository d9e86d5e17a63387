// The objects a lab has applied after its first N steps (kubectl apply -n / delete), and the TLS secrets it
// generated: what decides which stand-ins run and which certificates the gateway presents.

import type { KubeObject } from "../../../../core/kube.js";
import { loadManifest } from "../../../../engine/execute/actions/load-manifest.js";
import type { Action, LabDefinition } from "../../../../engine/lab-types.js";

export type TlsSecretAction = Extract<Action, { kind: "tls-secret" }>;

/** A gateway's Service port reached from the host through kind (nodePort == host port). */
export interface GatewayNodePort {
  nodePort: number;
  targetPort: number;
}

/** A gateway `istioctl install -f <IstioOperator>` added beside the main one. */
export interface ExtraGateway {
  namespace: string;
  deployment: string;
  ports: GatewayNodePort[];
}

/** The lab's state after some steps. */
export interface ReplayedState {
  objects: KubeObject[];
  tlsSecrets: TlsSecretAction[];
  extraGateways: ExtraGateway[];
}

interface OperatorGateway {
  name?: string;
  namespace?: string;
  enabled?: boolean;
  k8s?: { service?: { ports?: { nodePort?: number; targetPort?: number; port?: number }[] } };
}

// The enabled ingress gateways of the IstioOperator files an `istioctl install -n <ns> -f <file>` action names.
async function installedGateways(projectRoot: string, args: readonly string[]): Promise<ExtraGateway[]> {
  const file = args[args.indexOf("-f") + 1];
  if (args[0] !== "install" || !args.includes("-f") || file === undefined) return [];
  const namespace = args.includes("-n") ? (args[args.indexOf("-n") + 1] ?? "istio-system") : "istio-system";
  const operators = (await loadManifest(projectRoot, file)).filter((object) => object.kind === "IstioOperator");
  return operators.flatMap((operator) => {
    const gateways = ((operator["spec"] ?? {}) as { components?: { ingressGateways?: OperatorGateway[] } }).components?.ingressGateways ?? [];
    return gateways
      .filter((gateway) => gateway.enabled === true && gateway.name !== undefined)
      .map((gateway) => ({
        namespace: gateway.namespace ?? namespace,
        deployment: gateway.name ?? "",
        ports: (gateway.k8s?.service?.ports ?? []).flatMap((port) => (port.nodePort === undefined ? [] : [{ nodePort: port.nodePort, targetPort: port.targetPort ?? port.port ?? 0 }])),
      }));
  });
}

const keyOf = (object: { kind: string; metadata: { namespace?: string | undefined; name: string } }): string =>
  `${object.kind}/${object.metadata.namespace ?? "default"}/${object.metadata.name}`;

// Replays the apply, delete and tls-secret actions of steps 1..stepNumber (0: nothing applied yet).
export async function replayObjects(projectRoot: string, lab: LabDefinition, stepNumber: number): Promise<ReplayedState> {
  const objects = new Map<string, KubeObject>();
  const tlsSecrets = new Map<string, TlsSecretAction>();
  const extraGateways: ExtraGateway[] = [];
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
      } else if (action.kind === "istioctl") {
        extraGateways.push(...(await installedGateways(projectRoot, action.args)));
      }
    }
  }
  return { objects: [...objects.values()], tlsSecrets: [...tlsSecrets.values()], extraGateways };
}

// The objects of one kind.
export function objectsOfKind(state: ReplayedState, kind: string): KubeObject[] {
  return state.objects.filter((object) => object.kind === kind);
}
