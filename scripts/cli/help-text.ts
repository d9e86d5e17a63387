import type { Verb } from "./parse-args.js";

const MAIN = `Usage: npm run lab [-- ] <lab-id | verb> [options]

Reproducible labs for Istio in Action (ch2-5) on a local kind cluster 'myk8s'.

Verbs:
  list [--json]        every lab id with its chapter and title (--json: with its evidence)
  <lab-id>             run one lab from whatever state the cluster is in (e.g. ch5-mirror)
  up                   create the cluster and install Istio 1.17.8, addons, Flagger (idempotent)
  status               cluster, versions, readiness, addon URLs, baseline or not
  reset                back to the baseline between labs (--hard: recreate the cluster)
  down                 delete the cluster
  doctor               check Docker, ports 30000-30007, disk, Node, kernel modules
  all                  run every lab, resetting between them (nightly smoke test)
  report <dir>         render <dir>/index.html again from <dir>/summary.json
  (none)               pick a lab from a list (in a terminal)

Options:
  --dry-run            print the plan and the commands a person would type; touch nothing
  --self-test          each "must fail first" check runs before its change and must fail
  --step               pause before each step: run, skip, show the manifest, or quit
  --fast               shorter intervals where a lab allows it (Flagger canary)
  --report <dir>       write JUnit XML, a JSON summary, an HTML page and diagnostics under <dir>
  --probe node|curl    send HTTP(S) checks from Node (default) or through the system curl
  --context <name>     act on another kube context (default kind-myk8s); up, a lab, all, reset and
                       down change it, so they need --yes there; kind verbs need a kind-<name> context
  -y, --yes            confirm a changing verb on a context other than kind-myk8s
  --strict-pins        download only what this repository pins by SHA-256 (Istio 1.17.8 is not:
                       by default it is checked against the SHA-256 Istio publishes, remembered)
  -v, --verbose        show every command
  -h, --help           this help; \`npm run lab -- <verb> --help\` for one verb

Exit codes: 0 success, 1 a lab or check failed, 2 usage error, 3 environment not ready,
            4 incomplete (nothing failed, but checks were skipped, e.g. no internet egress).
Add \`--\` after \`npm run lab\` before any option: npm run lab -- ch5-mirror --dry-run`;

const VERB_HELP: Record<Verb | "lab", string> = {
  list: `Usage: npm run lab [-- ] list [--json]

Lists every lab: id, chapter, book section and title. Labs marked "planned" are in the catalog
but not built yet; running one exits 2. --json prints each lab with what it proves, its time and the
evidence this repository's test suites give it (plan, schemas, loopback, istiod-config, envoy-traffic, cluster-twin).`,
  lab: `Usage: npm run lab [-- ] <lab-id> [--dry-run] [--self-test] [--step] [--fast] [--report <dir>]
                                   [--probe node|curl] [--verbose]

Brings the cluster up (or resets it to the baseline), then runs the lab's steps in order; each step
applies its change and checks it on real traffic. A failed check stops the lab, runs its cleanup, and
says what was expected, what was seen, and the command to look yourself.`,
  up: `Usage: npm run lab [-- ] up [--recreate] [--no-mirror] [--dry-run] [--context kind-<name> --yes]

From nothing or any partial state to the baseline: kind cluster 'myk8s' (ports 30000-30007),
an image cache (pull-through registries for docker.io, quay.io, ghcr.io), Istio 1.17.8 (ingress
NodePorts 30000/30005/30006), then Prometheus, Grafana, Kiali, Jaeger (30001-30004) and Flagger at the
same time, namespace istioinaction with sidecar injection. On a cluster already at baseline it changes
nothing. --recreate deletes and recreates a cluster whose port mappings are wrong. --no-mirror (or
ISTIO_LAB_NO_MIRROR=1) pulls straight from the registries.`,
  down: `Usage: npm run lab [-- ] down [--all] [--dry-run] [--context <name> --yes]

Deletes the kind cluster behind the context ('myk8s' for kind-myk8s; 'foo' for --context kind-foo),
never another one; a context that is not a kind cluster is refused. Downloaded tools and the image cache
stay; --all removes the image cache (the registry mirrors and their volumes) too.`,
  reset: `Usage: npm run lab [-- ] reset [--hard] [--dry-run] [--context <name> --yes]

Back to the baseline taken when \`up\` finished: lab namespaces recreated empty, lab-made objects in
istio-system removed, mesh config back to ALLOW_ANY, canaries gone; proven by comparing snapshots.
--hard deletes and recreates the cluster.`,
  status: `Usage: npm run lab status

Shows the cluster, tool and Istio versions, which components are ready, the addon URLs
(http://127.0.0.1:30001 Prometheus, :30002 Grafana, :30003/kiali Kiali, :30004/jaeger Jaeger),
and whether the cluster is at the baseline.`,
  doctor: `Usage: npm run lab doctor

Checks the machine before \`up\`: Docker engine reachable and its version, ports 30000-30007 free (or
held by our cluster), disk space, Node version, the kernel modules Istio 1.17's iptables needs (Linux),
and the kind v0.22 + Docker 27 IPv6 network problem. Each check: ok / warn / fail with a one-line fix.
Exits 3 when any check fails.`,
  all: `Usage: npm run lab [-- ] all [--only a,b] [--skip c] [--shard K/N] [--self-test] [--report <dir>] [--fast]

Runs every built lab in registry order, resetting between labs, continuing past failures, and prints a
total. Exits 1 if any lab failed, else 4 if any lab is incomplete (checks skipped). --report writes JUnit
XML, a JSON summary, index.html and diagnostics. --shard K/N runs only the K-th of N shards balanced by the
labs' stated durations (one runner and cluster per shard); with --dry-run it prints every shard's labs
and minutes first.`,
  report: `Usage: npm run lab [-- ] report <dir>

Renders <dir>/index.html from <dir>/summary.json (written by \`--report <dir>\`, or a merged nightly
summary): failures first, each lab's steps as a timeline, every check with expected / last seen /
command, charts for weighted checks, retries, canaries and mirrors. One self-contained file, no network.`,
};

// The help for the whole command or one verb (a lab id gets the lab-run help).
export function helpText(topic?: string): string {
  if (topic === undefined) return MAIN;
  // Own keys only: "constructor" or "__proto__" is not a verb.
  return Object.hasOwn(VERB_HELP, topic) ? (VERB_HELP as Record<string, string>)[topic]! : VERB_HELP.lab;
}
