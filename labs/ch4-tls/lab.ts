import type { LabDefinition } from "../../engine/lab-types.js";
import { deployCoolstoreStep } from "../shared/coolstore-setup.js";
import { simpleTlsStep } from "../shared/https-setup.js";
import { NS, catalogV1, webapp } from "../shared/traffic.js";

export const ch4Tls: LabDefinition = {
  id: "ch4-tls",
  chapter: 4,
  section: "4.3.1",
  title: "HTTPS at the gateway with a generated certificate",
  proves: "The gateway terminates TLS for webapp.istioinaction.io with a certificate from our CA; clients that do not trust that CA refuse it",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [webapp, catalogV1],
  steps: () => [deployCoolstoreStep(), simpleTlsStep()],
};
