import type { LabDefinition } from "../engine/lab-types.js";
import { ch2DarkLaunch } from "./ch2-dark-launch/lab.js";
import { ch2Observability } from "./ch2-observability/lab.js";
import { ch2FirstMesh } from "./ch2-first-mesh/lab.js";
import { ch2Retries } from "./ch2-retries/lab.js";
import { ch3Envoy } from "./ch3-envoy/lab.js";
import { ch3EnvoyRetries } from "./ch3-envoy-retries/lab.js";
import { ch4AccessLogs } from "./ch4-access-logs/lab.js";
import { ch4DebugGatewayRef } from "./ch4-debug-gateway-ref/lab.js";
import { ch4GatewayConfigTrim } from "./ch4-gateway-config-trim/lab.js";
import { ch4GatewayInjection } from "./ch4-gateway-injection/lab.js";
import { ch4GatewayRouting } from "./ch4-gateway-routing/lab.js";
import { ch4HttpsRedirect } from "./ch4-https-redirect/lab.js";
import { ch4Mtls } from "./ch4-mtls/lab.js";
import { ch4MultiHostTls } from "./ch4-multi-host-tls/lab.js";
import { ch4SniPassthrough } from "./ch4-sni-passthrough/lab.js";
import { ch4SplitGateway } from "./ch4-split-gateway/lab.js";
import { ch4Tcp } from "./ch4-tcp/lab.js";
import { ch4Tls } from "./ch4-tls/lab.js";
import { ch5Canary } from "./ch5-canary/lab.js";
import { ch5CanaryRollback } from "./ch5-canary/rollback-lab.js";
import { ch5MeshRouting } from "./ch5-mesh-routing/lab.js";
import { ch5Mirror } from "./ch5-mirror/lab.js";
import { ch5RegistryOnly } from "./ch5-registry-only/lab.js";
import { ch5Routing } from "./ch5-routing/lab.js";
import { ch5TrafficShifting } from "./ch5-traffic-shifting/lab.js";
import { extraEnvoyFilterLua } from "./extra-envoyfilter-lua/lab.js";

// The built labs, in the order `lab all` runs them. Add a lab here to make it runnable.
export const LABS: readonly LabDefinition[] = [
  ch2FirstMesh,
  ch2Observability,
  ch2Retries,
  ch2DarkLaunch,
  ch3Envoy,
  ch3EnvoyRetries,
  ch4GatewayRouting,
  ch4Tls,
  ch4HttpsRedirect,
  ch4Mtls,
  ch4MultiHostTls,
  ch4Tcp,
  ch4SniPassthrough,
  ch4SplitGateway,
  ch4GatewayInjection,
  ch4AccessLogs,
  ch4GatewayConfigTrim,
  ch4DebugGatewayRef,
  ch5Routing,
  ch5MeshRouting,
  ch5TrafficShifting,
  ch5Mirror,
  ch5RegistryOnly,
  ch5Canary,
  ch5CanaryRollback,
  extraEnvoyFilterLua,
];
