// Every check kind a lab may use, each with its module: adding a kind is its module and one line here.

import type { Check } from "../lab-types.js";
import type { CheckKinds } from "./check-kind.js";
import { execCheckKind } from "./checks/exec-check.js";
import { httpCheckKind } from "./checks/http-check.js";
import { istioctlCheckKind } from "./checks/istioctl-check.js";
import { logsCheckKind } from "./checks/logs-check.js";
import { objectCheckKind } from "./checks/object-check.js";
import { proxyConfigCheckKind } from "./checks/proxy-config-check.js";
import { sequenceCheckKind } from "./checks/sequence-check.js";
import { tcpCheckKind } from "./checks/tcp-check.js";
import { weightedCheckKind } from "./checks/weighted-check.js";

/** The registry of the lab data model's check kinds. */
export const CHECK_KINDS = {
  http: httpCheckKind,
  tcp: tcpCheckKind,
  weighted: weightedCheckKind,
  "proxy-config": proxyConfigCheckKind,
  logs: logsCheckKind,
  exec: execCheckKind,
  object: objectCheckKind,
  sequence: sequenceCheckKind,
  istioctl: istioctlCheckKind,
} satisfies CheckKinds<Check>;
