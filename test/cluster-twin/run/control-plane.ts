// etcd, kube-apiserver, kube-controller-manager and kube-scheduler (v1.23.17), each started and waited for in
// turn, and kwok as the node's kubelet.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { TWIN_NET, type TwinBinaries } from "./twin-paths.js";
import { makeCa, makeCert, makeKeyPair, type CertFiles } from "./twin-pki.js";
import { startTwinProcess, type TwinProcess } from "./twin-process.js";
import { waitFor } from "./wait-for.js";
import { writeKubeconfig } from "./kubeconfig-file.js";
import { writeExecShims } from "./exec-shims.js";
import { twinPodStages } from "./kwok-stages.js";

export interface ControlPlane {
  kubeconfig: string;
  ca: CertFiles;
  admin: CertFiles;
  kubelet: CertFiles;
  processes: TwinProcess[];
  /** What each piece took to become ready, in ms. */
  timings: Record<string, number>;
}

export interface ControlPlaneOptions {
  binaries: TwinBinaries;
  stateDir: string;
  logDir: string;
  context: string;
  /** kwok's stage definitions (node and pod "fast" stages) and CRDs, copied by build.sh. */
  kwokDir: string;
}

// GET over HTTPS with the admin certificate; resolves with the status code and body.
export function apiGet(path: string, ca: CertFiles, admin: CertFiles): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: TWIN_NET.apiserverHost, port: TWIN_NET.apiserverPort, path, ca: readFileSync(ca.cert), cert: readFileSync(admin.cert), key: readFileSync(admin.key), timeout: 5_000 }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end();
  });
}

function etcdArgs(dataDir: string): string[] {
  const client = `http://${TWIN_NET.etcdClient}`;
  const peer = `http://${TWIN_NET.etcdPeer}`;
  return ["--name", "twin", "--data-dir", dataDir, "--listen-client-urls", client, "--advertise-client-urls", client, "--listen-peer-urls", peer,
    "--initial-advertise-peer-urls", peer, "--initial-cluster", `twin=${peer}`, "--unsafe-no-fsync", "--log-level", "warn"];
}

function apiserverArgs(pki: string, certs: { serving: CertFiles; ca: CertFiles; kubeletClient: CertFiles }): string[] {
  return [
    `--etcd-servers=http://${TWIN_NET.etcdClient}`,
    `--bind-address=${TWIN_NET.apiserverHost}`, `--advertise-address=${TWIN_NET.nodeIp}`, `--secure-port=${TWIN_NET.apiserverPort}`,
    `--tls-cert-file=${certs.serving.cert}`, `--tls-private-key-file=${certs.serving.key}`, `--client-ca-file=${certs.ca.cert}`,
    `--service-account-issuer=https://kubernetes.default.svc.cluster.local`, `--service-account-key-file=${join(pki, "sa.pub")}`,
    `--service-account-signing-key-file=${join(pki, "sa.key")}`, `--api-audiences=https://kubernetes.default.svc.cluster.local,istio-ca`,
    `--service-cluster-ip-range=${TWIN_NET.serviceCidr}`, `--service-node-port-range=30000-32767`,
    // Every authenticated client may do everything (istiod's SubjectAccessReview for gateway secrets included).
    "--authorization-mode=AlwaysAllow",
    `--kubelet-client-certificate=${certs.kubeletClient.cert}`, `--kubelet-client-key=${certs.kubeletClient.key}`, "--kubelet-preferred-address-types=InternalIP",
    "--allow-privileged=true", "--profiling=false", "--enable-priority-and-fairness=false", "--endpoint-reconciler-type=none",
    `--cert-dir=${pki}`, "--v=1",
  ];
}

function controllerManagerArgs(kubeconfig: string, pki: string, ca: CertFiles): string[] {
  return [`--kubeconfig=${kubeconfig}`, "--leader-elect=false", "--secure-port=0", `--service-account-private-key-file=${join(pki, "sa.key")}`,
    `--root-ca-file=${ca.cert}`, "--use-service-account-credentials=false", `--cluster-signing-cert-file=${ca.cert}`, `--cluster-signing-key-file=${ca.key}`,
    // No cloud, no node IPAM (kwok hands out pod IPs): the rest, namespace controller included. Node lifecycle
    // stays (it lifts the not-ready taint) but is patient: a heartbeat missed under load must not flip every pod.
    "--node-monitor-grace-period=10m", "--pod-eviction-timeout=10m",
    "--controllers=*,-nodeipam,-cloud-node-lifecycle,-service,-route,-attachdetach,-persistentvolume-binder,-persistentvolume-expander",
    "--concurrent-gc-syncs=5", "--namespace-sync-period=10s", "--v=1"];
}

function kwokConfig(kwokDir: string, file: string): void {
  const stageDir = join(kwokDir, "stages");
  // kwok's node stage and pod deletion/completion stages, and the twin's own two-stage pod start (kwok-stages.ts).
  const docs = readdirSync(stageDir).filter((name) => name.endsWith(".yaml") && name !== "pod-ready.yaml").sort().map((name) => readFileSync(join(stageDir, name), "utf8").trim());
  writeFileSync(file, `${[...docs, twinPodStages().trim()].join("\n---\n")}\n`);
}

export async function startControlPlane(options: ControlPlaneOptions): Promise<ControlPlane> {
  const { binaries, stateDir, logDir } = options;
  const pki = join(stateDir, "pki");
  mkdirSync(pki, { recursive: true });
  const timings: Record<string, number> = {};
  const started = Date.now();
  const ca = makeCa(pki, "ca", "istio-lab-twin-ca");
  const serving = makeCert(pki, "apiserver", ca, { cn: "kube-apiserver", dns: ["kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "localhost"], ips: ["127.0.0.1", "10.96.0.1", TWIN_NET.nodeIp] });
  const admin = makeCert(pki, "admin", ca, { cn: "twin-admin", org: "system:masters" });
  const kubeletClient = makeCert(pki, "kubelet-client", ca, { cn: "kube-apiserver-kubelet-client", org: "system:masters" });
  const kubelet = makeCert(pki, "kubelet", ca, { cn: "twin-node", ips: [TWIN_NET.nodeIp, "127.0.0.1"] });
  makeKeyPair(pki, "sa");
  const kubeconfig = join(stateDir, "kubeconfig");
  writeKubeconfig(kubeconfig, { server: `https://${TWIN_NET.apiserverHost}:${TWIN_NET.apiserverPort}`, ca: ca.cert, user: admin, context: options.context });
  timings["certificates"] = Date.now() - started;
  const processes: TwinProcess[] = [];
  const mark = (name: string, from: number): void => {
    timings[name] = Date.now() - from;
  };

  let from = Date.now();
  const etcd = startTwinProcess("etcd", binaries.etcd, etcdArgs(join(stateDir, "etcd")), { logDir });
  processes.push(etcd);
  await waitFor("etcd", async () => {
    const res = await fetch(`http://${TWIN_NET.etcdClient}/health`).catch((error: Error) => error);
    return res instanceof Error ? res.message : res.ok ? undefined : `HTTP ${res.status}`;
  }, { timeoutMs: 30_000, process: etcd });
  mark("etcd", from);

  from = Date.now();
  const apiserver = startTwinProcess("kube-apiserver", binaries.kubeApiserver, apiserverArgs(pki, { serving, ca, kubeletClient }), { logDir });
  processes.push(apiserver);
  await waitFor("kube-apiserver", async () => {
    const res = await apiGet("/readyz", ca, admin);
    return res.status === 200 ? undefined : `readyz HTTP ${res.status}: ${res.body.slice(-300)}`;
  }, { timeoutMs: 120_000, process: apiserver });
  mark("kube-apiserver", from);

  from = Date.now();
  processes.push(startTwinProcess("kube-controller-manager", binaries.kubeControllerManager, controllerManagerArgs(kubeconfig, pki, ca), { logDir }));
  processes.push(startTwinProcess("kube-scheduler", binaries.kubeScheduler, [`--kubeconfig=${kubeconfig}`, "--leader-elect=false", "--secure-port=0", "--v=1"], { logDir }));
  // The default ServiceAccount appearing shows the controller manager's loops are running.
  await waitFor("kube-controller-manager", async () => {
    const res = await apiGet("/api/v1/namespaces/default/serviceaccounts/default", ca, admin);
    return res.status === 200 ? undefined : `default ServiceAccount: HTTP ${res.status}`;
  }, { timeoutMs: 60_000, process: processes[2] });
  mark("kube-controller-manager", from);
  return { kubeconfig, ca, admin, kubelet, processes, timings };
}

// kwok as the node's kubelet (its Exec/PortForward/Logs CRDs must exist first): marks pods Running with IPs.
export function startKwok(options: ControlPlaneOptions, plane: ControlPlane): TwinProcess {
  const { binaries, stateDir, logDir } = options;
  const { kubeconfig, kubelet } = plane;
  const config = join(stateDir, "kwok.yaml");
  kwokConfig(options.kwokDir, config);
  const kwok = startTwinProcess("kwok", binaries.kwok, [
    `--kubeconfig=${kubeconfig}`, `--config=${config}`, "--manage-all-nodes=true", `--cidr=${TWIN_NET.podCidr}`, `--node-ip=${TWIN_NET.nodeIp}`,
    `--node-port=${TWIN_NET.kubeletPort}`, `--server-address=${TWIN_NET.nodeIp}:${TWIN_NET.kubeletPort}`,
    `--tls-cert-file=${kubelet.cert}`, `--tls-private-key-file=${kubelet.key}`, "--enable-crds=Exec,PortForward,Logs", "--node-lease-duration-seconds=40",
  ], { logDir, env: { ...process.env, PATH: `${writeExecShims(join(stateDir, "exec-shims"))}:${process.env["PATH"] ?? "/usr/bin:/bin"}` } });
  plane.processes.push(kwok);
  return kwok;
}

