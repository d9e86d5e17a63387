import type { KubeObject } from "../../core/kube.js";
import { formatTable } from "./text-table.js";

interface EventShape {
  metadata: { creationTimestamp?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  firstTimestamp?: string | null;
  involvedObject?: { kind?: string; name?: string };
}

// When the event last happened: lastTimestamp, else eventTime, firstTimestamp, creation.
export function eventTime(event: KubeObject): string {
  const shape = event as unknown as EventShape;
  return shape.lastTimestamp ?? shape.eventTime ?? shape.firstTimestamp ?? shape.metadata.creationTimestamp ?? "";
}

// Events oldest first: TIME TYPE REASON OBJECT MESSAGE (with the repeat count when > 1).
export function formatEvents(events: readonly KubeObject[]): string {
  if (events.length === 0) return "No events.\n";
  const rows = [...events]
    .map((event) => ({ event, at: Date.parse(eventTime(event)) }))
    .sort((a, b) => (Number.isNaN(a.at) ? 0 : a.at) - (Number.isNaN(b.at) ? 0 : b.at))
    .map(({ event }) => {
      const shape = event as unknown as EventShape;
      const object = `${(shape.involvedObject?.kind ?? "?").toLowerCase()}/${shape.involvedObject?.name ?? "?"}`;
      const repeat = (shape.count ?? 1) > 1 ? ` (x${shape.count})` : "";
      return [eventTime(event), shape.type ?? "", shape.reason ?? "", object, (shape.message ?? "").replace(/\s+/g, " ").trim() + repeat];
    });
  return formatTable(["TIME", "TYPE", "REASON", "OBJECT", "MESSAGE"], rows);
}
