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
import { startStandIns, type RunningStandIn } from "./start-standins.js";

const WEBAPP: ProxyName = { namespace: "istioinaction", deployment: "webapp" };
/** The Service port webapp calls catalog on: its sidecar's outbound listener 0.0.0.0_80. */
const CATALOG_SERVICE_PORT = 80;

/** What a state of the world runs. */
export interface WorldState {
  stepNumber: number;
  standIns: RunningStandIn[];
  gateway?: RunningEnvoy;
  sidecar?: RunningEnvoy;
}

export interface MeshWorld {
  /** Host port (30000, 30005, 30006) -> the gateway Envoy's listener port; read by the probe at each request. */
  readonly ports: Map<number, number>;
  /** Deployments and Ready pods of the current state (the logs checks find pods through these). */
  kubeObjects(): KubeObject[];
  /** The log of a stand-in pod (`<deployment>-twin`). */
  podLog(pod: string): string;
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
    await Promise.all([state.gateway?.stop(), state.sidecar?.stop(), ...state.standIns.map((standIn) => standIn.stop())]);
  }

  async function enter(stepNumber: number): Promise<WorldState> {
    await stop();
    const replayed = await replayObjects(options.projectRoot, options.lab, stepNumber);
    const state: WorldState = { stepNumber, standIns: [] };
    current = state;
    let webappUpstream = 0;
    state.standIns = await startStandIns(replayed, options.certs, () => webappUpstream);
    const resolve = createEndpointResolver(replayed, state.standIns);
    const secrets = await issueGatewaySecrets(replayed.tlsSecrets, options.certs);
    const convert = (dump: ProxyConfigDump, listenerPorts?: readonly number[]) =>
      buildBootstrap(dump, { endpoints: resolve, secret: (name) => secrets.get(name), ...(listenerPorts === undefined ? {} : { ports: listenerPorts }) });

    if (state.standIns.some((standIn) => standIn.deployment === WEBAPP.deployment)) {
      webappUpstream = await startWebappSidecar(state, golden(stepNumber, WEBAPP), convert, resolve);
    }
    const gatewayDump = golden(stepNumber, INGRESS_GATEWAY);
    if (gatewayDump === undefined) {
      // No Gateway object: istiod gives the gateway no listeners, so nothing answers on its ports.
      if (objectsOfKind(replayed, "Gateway").length > 0) throw new TwinError(`no generated gateway config for ${options.lab.id} after ${stepNumber} steps`, { hint: "the istiod twin (branch twin-go) writes test/twin/golden/<lab>/<step>/" });
    } else {
      const converted = convert(gatewayDump);
      state.gateway = await startEnvoy(converted.bootstrap);
      for (const { targetPort, nodePort } of INGRESS_GATEWAY_PORTS) {
        const listener = converted.listenerByPort.get(targetPort);
        const actual = listener === undefined ? undefined : state.gateway.listenerPorts.get(listener);
        if (nodePort !== undefined && actual !== undefined) ports.set(nodePort, actual);
      }
    }
    objects = podObjects(replayed, state.standIns);
    return state;
  }

  return {
    ports,
    kubeObjects: () => objects,
    podLog: (pod) => current?.standIns.find((standIn) => `${standIn.deployment}-twin` === pod)?.log?.() ?? "",
    enter,
    close: stop,
  };
}

type Convert = (dump: ProxyConfigDump, listenerPorts?: readonly number[]) => ReturnType<typeof buildBootstrap>;

// webapp's sidecar from its generated config, or (with none generated) catalog's first endpoint directly.
async function startWebappSidecar(state: WorldState, dump: ProxyConfigDump | undefined, convert: Convert, resolve: EndpointResolver): Promise<number> {
  if (dump === undefined) {
    const direct = resolve("outbound|80||catalog.istioinaction.svc.cluster.local")?.[0];
    if (direct === undefined) throw new TwinError("webapp runs without a generated sidecar config and no catalog stand-in");
    return direct;
  }
  const converted = convert(dump, [CATALOG_SERVICE_PORT]);
  state.sidecar = await startEnvoy(converted.bootstrap);
  const listener = converted.listenerByPort.get(CATALOG_SERVICE_PORT);
  const port = listener === undefined ? undefined : state.sidecar.listenerPorts.get(listener);
  if (port === undefined) throw new TwinError("webapp's generated config has no outbound listener on port 80");
  return port;
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
