import type { LabDefinition } from "../engine/lab-types.js";
import { ch2DarkLaunch } from "./ch2-dark-launch/lab.js";
import { ch2FirstMesh } from "./ch2-first-mesh/lab.js";
import { ch2Retries } from "./ch2-retries/lab.js";
import { ch4GatewayRouting } from "./ch4-gateway-routing/lab.js";
import { ch4HttpsRedirect } from "./ch4-https-redirect/lab.js";
import { ch4Mtls } from "./ch4-mtls/lab.js";
import { ch4MultiHostTls } from "./ch4-multi-host-tls/lab.js";
import { ch4SniPassthrough } from "./ch4-sni-passthrough/lab.js";
import { ch4Tcp } from "./ch4-tcp/lab.js";
import { ch4Tls } from "./ch4-tls/lab.js";
import { ch5Canary } from "./ch5-canary/lab.js";
import { ch5CanaryRollback } from "./ch5-canary/rollback-lab.js";
import { ch5MeshRouting } from "./ch5-mesh-routing/lab.js";
import { ch5Mirror } from "./ch5-mirror/lab.js";
import { ch5RegistryOnly } from "./ch5-registry-only/lab.js";
import { ch5Routing } from "./ch5-routing/lab.js";
import { ch5TrafficShifting } from "./ch5-traffic-shifting/lab.js";

// The built labs, in the order `lab all` runs them. Add a lab here to make it runnable.
export const LABS: readonly LabDefinition[] = [
  ch2FirstMesh,
  ch2Retries,
  ch2DarkLaunch,
  ch4GatewayRouting,
  ch4Tls,
  ch4HttpsRedirect,
  ch4Mtls,
  ch4MultiHostTls,
  ch4Tcp,
  ch4SniPassthrough,
  ch5Routing,
  ch5MeshRouting,
  ch5TrafficShifting,
  ch5Mirror,
  ch5RegistryOnly,
  ch5Canary,
  ch5CanaryRollback,
];
