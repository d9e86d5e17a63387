// Every action kind a lab may use, each with its module: adding a kind is its module and one line here.

import type { Action } from "../lab-types.js";
import type { ActionKinds } from "./action-kind.js";
import { applyActionKind } from "./actions/apply-action.js";
import { deleteActionKind } from "./actions/delete-action.js";
import { dockerActionKind } from "./actions/docker-action.js";
import { execActionKind } from "./actions/exec-action.js";
import { istioctlActionKind } from "./actions/istioctl-action.js";
import { meshConfigActionKind } from "./actions/mesh-config-action.js";
import { rolloutActionKind } from "./actions/rollout-action.js";
import { tlsSecretActionKind } from "./actions/tls-secret-action.js";
import { trafficActionKind } from "./actions/traffic-action.js";

/** The registry of the lab data model's action kinds. */
export const ACTION_KINDS = {
  apply: applyActionKind,
  delete: deleteActionKind,
  exec: execActionKind,
  rollout: rolloutActionKind,
  "mesh-config": meshConfigActionKind,
  "tls-secret": tlsSecretActionKind,
  traffic: trafficActionKind,
  istioctl: istioctlActionKind,
  docker: dockerActionKind,
} satisfies ActionKinds<Action>;
