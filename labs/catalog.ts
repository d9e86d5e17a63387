// Exercises of the study notes (spec/labs.md) that are not built yet; a built lab's facts live only in its definition.
// `list` marks these as planned, and running one says so. Every exercise is built today, so the list is empty.

export interface PlannedLab {
  id: string;
  chapter: number;
  section: string;
  title: string;
}

export const PLANNED_LABS: readonly PlannedLab[] = [];
