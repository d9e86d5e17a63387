import type { SummaryLab } from "../summary.js";

/** How a status is drawn: a CSS class from a closed list and the word shown. */
export interface StatusView {
  css: "passed" | "failed" | "incomplete" | "unknown";
  label: string;
}

// Any status string, known or not (a newer or older runner may write others), drawn without trusting it.
export function viewStatus(status: unknown): StatusView {
  const text = typeof status === "string" && status !== "" ? status : "unknown";
  if (text === "passed") return { css: "passed", label: "passed" };
  if (text === "failed") return { css: "failed", label: "FAILED" };
  if (text === "incomplete" || text === "skipped" || text === "not-run") return { css: "incomplete", label: text };
  return { css: "unknown", label: text };
}

// Failed labs first, then anything not passed, then passed; the run's order within each group.
export function orderLabsForReport(labs: readonly SummaryLab[]): SummaryLab[] {
  const rank = (lab: SummaryLab): number => (lab.status === "failed" ? 0 : lab.status === "passed" ? 2 : 1);
  return labs.map((lab, index) => ({ lab, index })).sort((a, b) => rank(a.lab) - rank(b.lab) || a.index - b.index).map(({ lab }) => lab);
}

// The step a person should look at first: the failure's, the stop's, or the first step that did not pass.
export function stepToLookAt(lab: SummaryLab): string | undefined {
  if (lab.failure?.step) return lab.failure.step;
  if (lab.stopped?.step) return lab.stopped.step;
  if (lab.status === "passed") return undefined;
  return (lab.steps ?? []).find((step) => step.status !== "passed")?.title;
}

// A stable id for a lab's section (the summary links to it).
export function labAnchor(labId: string): string {
  return `lab-${String(labId).replace(/[^A-Za-z0-9_-]/g, "_")}`;
}
