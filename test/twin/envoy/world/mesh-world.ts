// A lab's mesh on loopback, one state at a time: stand-ins for its Deployments, webapp's sidecar (a real Envoy
// with webapp's generated outbound routes) and the ingress gateway (a real Envoy with the gateway's generated
// listeners, routes and clusters). The address map sends the gateway's host ports to the gateway Envoy.

import type { KubeObject } from "../../../../core/kube.js";
import type { CertStore } from "../../../../engine/certs/cert-types.js";
import type { LabDefinition } from "../../../../engine/lab-types.js";
import { INGRESS_GATEWAY_PORTS } from "../../../../cluster/istio/gateway-ports.js";
import { buildBootstrap, type ProxyConfigDump } from "../convert/build-bootstrap.js";
import type { EndpointResolver } from "../convert/static-clusters.js";
import { startEnvoy, type RunningEnvoy } from "../harness/start-envoy.js";
import { TwinError } from "../harness/twin-error.js";
import { createEndpointResolver } from "./cluster-endpoints.js";
import { issueGatewaySecrets } from "./gateway-secrets.js";
import { INGRESS_GATEWAY, readGoldenProxy, type ProxyName } from "./golden-config.js";
import { objectsOfKind, replayObjects, type ReplayedState } from "./replay-objects.js";
import { hasMeshRouting, WEBAPP } from "./mesh-routing.js";
import { performPodCurl, parsePodCurl } from "./pod-curl.js";
import { startStandIns, type RunningStandIn } from "./start-standins.js";

/** The Service port webapp calls catalog on: its sidecar's outbound listener 0.0.0.0_80. */
const CATALOG_SERVICE_PORT = 80;

/** What a state of the world runs. */
export interface WorldState {
  stepNumber: number;
  standIns: RunningStandIn[];
  /** The ingress gateway and any gateway the lab installed, each a real Envoy. */
  gateways: RunningEnvoy[];
  sidecar?: RunningEnvoy;
}

export interface MeshWorld {
  /** Host port (30000, 30005, 30006, 30007) -> the serving gateway Envoy listener; read by the probe at each request. */
  readonly ports: Map<number, number>;
  /** Deployments and Ready pods of the current state (the logs checks find pods through these). */
  kubeObjects(): KubeObject[];
  /** What a stand-in pod (`<deployment>-twin`) logged in its app container (none for istio-proxy). */
  podLog(pod: string, container: string): string;
  /** Stops the previous state and starts the one after `stepNumber` steps. */
  enter(stepNumber: number): Promise<WorldState>;
  close(): Promise<void>;
}

export interface MeshWorldOptions {
  projectRoot: string;
  lab: LabDefinition;
  certs: CertStore;
  /** Changes a golden dump before conversion (the broken-manifest tests never do; see there). */
  golden?: (stepNumber: number, proxy: ProxyName) => ProxyConfigDump | undefined;
}

// A world for `lab`; enter(0) is the state before its first step.
export function createMeshWorld(options: MeshWorldOptions): MeshWorld {
  const ports = new Map<number, number>();
  const golden = options.golden ?? ((stepNumber, proxy) => readGoldenProxy(options.projectRoot, options.lab.id, stepNumber, proxy));
  let current: WorldState | undefined;
  let objects: KubeObject[] = [];

  async function stop(): Promise<void> {
    const state = current;
    current = undefined;
    ports.clear();
    objects = [];
    if (state === undefined) return;
    await Promise.all([...state.gateways.map((gateway) => gateway.stop()), state.sidecar?.stop(), ...state.standIns.map((standIn) => standIn.stop())]);
  }

  async function enter(stepNumber: number): Promise<WorldState> {
    await stop();
    const replayed = await replayObjects(options.projectRoot, options.lab, stepNumber);
    const state: WorldState = { stepNumber, standIns: [], gateways: [] };
    current = state;
    let webappUpstream = (): number => 0;
    state.standIns = await startStandIns(replayed, options.certs, () => webappUpstream());
    const resolve = createEndpointResolver(replayed, state.standIns);
    const secrets = await issueGatewaySecrets(replayed.tlsSecrets, options.certs);
    const convert = (dump: ProxyConfigDump, listenerPorts?: readonly number[]) =>
      buildBootstrap(dump, { endpoints: resolve, secret: (name) => secrets.get(name), ...(listenerPorts === undefined ? {} : { ports: listenerPorts }) });

    if (state.standIns.some((standIn) => standIn.deployment === WEBAPP.deployment)) {
      const dump = golden(stepNumber, WEBAPP);
      if (dump === undefined && hasMeshRouting(replayed)) throw new MissingGoldenError(options.lab.id, stepNumber, WEBAPP);
      webappUpstream = await startWebappSidecar(state, dump, convert, resolve);
    }
    const gateways = [{ ...INGRESS_GATEWAY, ports: INGRESS_GATEWAY_PORTS.flatMap(({ nodePort, targetPort }) => (nodePort === undefined ? [] : [{ nodePort, targetPort }])) }, ...replayed.extraGateways];
    for (const gateway of gateways) {
      const dump = golden(stepNumber, gateway);
      if (dump === undefined) {
        // No Gateway object: istiod gives the gateway no listeners, so nothing answers on its ports.
        if (objectsOfKind(replayed, "Gateway").length > 0) throw new MissingGoldenError(options.lab.id, stepNumber, gateway);
        continue;
      }
      const converted = convert(dump);
      const envoy = await startEnvoy(converted.bootstrap);
      state.gateways.push(envoy);
      for (const { targetPort, nodePort } of gateway.ports) {
        const listener = converted.listenerByPort.get(targetPort);
        const actual = listener === undefined ? undefined : envoy.listenerPorts.get(listener);
        if (actual !== undefined) ports.set(nodePort, actual);
      }
    }
    await replayPodCurls(options.lab, stepNumber, state.standIns);
    objects = podObjects(replayed, state.standIns);
    return state;
  }

  return {
    ports,
    kubeObjects: () => objects,
    podLog: (pod, container) => {
      const standIn = current?.standIns.find((candidate) => `${candidate.deployment}-twin` === pod);
      return standIn?.container === container ? (standIn.log?.() ?? "") : "";
    },
    enter,
    close: stop,
  };
}

/** A lab state whose generated config the twin needs and the istiod twin did not write. */
export class MissingGoldenError extends TwinError {
  constructor(labId: string, stepNumber: number, proxy: ProxyName) {
    super(`no generated config for ${proxy.deployment}.${proxy.namespace} in ${labId} after ${stepNumber} step(s)`, {
      hint: `the istiod twin (branch twin-go) writes test/twin/golden/${labId}/${stepNumber}/`,
    });
    this.name = "MissingGoldenError";
  }
}

type Convert = (dump: ProxyConfigDump, listenerPorts?: readonly number[]) => ReturnType<typeof buildBootstrap>;

// webapp's sidecar from its generated config, or (with none needed) catalog's endpoints in turn, as a sidecar
// without rules balances them; returns the port source webapp reads at each call.
async function startWebappSidecar(state: WorldState, dump: ProxyConfigDump | undefined, convert: Convert, resolve: EndpointResolver): Promise<() => number> {
  if (dump === undefined) {
    const endpoints = resolve("outbound|80||catalog.istioinaction.svc.cluster.local") ?? [];
    if (endpoints.length === 0) throw new TwinError("webapp runs without a generated sidecar config and no catalog stand-in");
    let calls = 0;
    return () => endpoints[calls++ % endpoints.length] ?? 0;
  }
  const converted = convert(dump, [CATALOG_SERVICE_PORT]);
  state.sidecar = await startEnvoy(converted.bootstrap);
  const listener = converted.listenerByPort.get(CATALOG_SERVICE_PORT);
  const port = listener === undefined ? undefined : state.sidecar.listenerPorts.get(listener);
  if (port === undefined) throw new TwinError("webapp's generated config has no outbound listener on port 80");
  return () => port;
}

// The exec actions of steps 1..stepNumber, again, on the fresh stand-ins (what they changed lives in the pod).
async function replayPodCurls(lab: LabDefinition, stepNumber: number, standIns: readonly RunningStandIn[]): Promise<void> {
  for (const step of lab.steps({ fast: false }).slice(0, stepNumber)) {
    for (const action of step.actions) {
      if (action.kind !== "exec") continue;
      const target = standIns.find((standIn) => standIn.deployment === action.workload.deployment && standIn.namespace === action.workload.namespace);
      if (target?.httpPort === undefined) throw new TwinError(`${lab.id}: exec in ${action.workload.deployment}, which has no stand-in answering it`);
      await performPodCurl(target.httpPort, parsePodCurl(action.command));
    }
  }
}

// The Deployment and one Running, Ready pod per stand-in, as a cluster would list them.
function podObjects(replayed: ReplayedState, standIns: readonly RunningStandIn[]): KubeObject[] {
  return standIns.flatMap((standIn) => {
    const deployment = objectsOfKind(replayed, "Deployment").find((candidate) => candidate.metadata.name === standIn.deployment && candidate.metadata.namespace === standIn.namespace);
    if (deployment === undefined) return [];
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `${standIn.deployment}-twin`, namespace: standIn.namespace, labels: standIn.labels },
      status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] },
    };
    return [deployment, pod];
  });
}
