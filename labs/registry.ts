import type { LabDefinition } from "../engine/lab-types.js";
import { ch4SniPassthrough } from "./ch4-sni-passthrough/lab.js";
import { ch5Canary } from "./ch5-canary/lab.js";
import { ch5CanaryRollback } from "./ch5-canary/rollback-lab.js";
import { ch5MeshRouting } from "./ch5-mesh-routing/lab.js";
import { ch5Mirror } from "./ch5-mirror/lab.js";
import { ch5RegistryOnly } from "./ch5-registry-only/lab.js";
import { ch5Routing } from "./ch5-routing/lab.js";
import { ch5TrafficShifting } from "./ch5-traffic-shifting/lab.js";

// The built labs, in the order `lab all` runs them. Add a lab here to make it runnable.
export const LABS: readonly LabDefinition[] = [
  ch4SniPassthrough,
  ch5Routing,
  ch5MeshRouting,
  ch5TrafficShifting,
  ch5Mirror,
  ch5RegistryOnly,
  ch5Canary,
  ch5CanaryRollback,
];
