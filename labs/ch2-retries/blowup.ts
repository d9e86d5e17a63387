import type { Action, ExecCheck, Matcher } from "../../engine/lab-types.js";
import { catalogV1 } from "../shared/traffic.js";

// catalog's fault injection (book bin/chaos.sh): POST /blowup inside the pod; a 500 blowup answers
// `Math.floor(Math.random()*100) <= percentage` of /items requests with an empty 500, so 50 means 51%.

const BLOWUP_URL = "localhost:3000/blowup";

// `chaos.sh 500 <percentage>` (on) or `chaos.sh 500 delete` (off), in the catalog container.
export function setBlowup(active: boolean, percentage = 50): Action {
  const body = active ? { active: true, type: "500", percentage } : { active: false, type: "500" };
  return {
    kind: "exec",
    workload: catalogV1,
    container: "catalog",
    command: ["curl", "-s", "-X", "POST", "-H", "Content-Type: application/json", "-d", JSON.stringify(body), BLOWUP_URL],
  };
}

// GET /blowup shows the stored 500 blowup, e.g. {"500":{"active":true,"type":"500","percentage":50}}.
export function blowupIs(title: string, active: boolean, percentage?: number): ExecCheck {
  const expect: Matcher[] = [{ op: "json-path", path: '$["500"].active', matcher: { op: "equals", value: String(active) } }];
  if (percentage !== undefined) expect.push({ op: "json-path", path: '$["500"].percentage', matcher: { op: "equals", value: String(percentage) } });
  return { kind: "exec", title, workload: catalogV1, container: "catalog", command: ["curl", "-s", BLOWUP_URL], expect };
}

/** webapp's answer when its catalog call fails: HTTP 500 with this body. */
export const CATALOG_ERROR: Matcher = { op: "contains", value: "error calling Catalog service" };
