import type { Readable, Writable } from "node:stream";
import type { LabDefinition } from "../lab-types.js";

/** One row of the picker: what is shown, what is searched, and the lab id it stands for. */
export interface LabChoice {
  title: string;
  description: string;
  value: string;
}

/** Where the picker reads keys and draws; tests pass streams instead of the terminal. */
export interface PickerStreams {
  stdin?: Readable;
  stdout?: Writable;
}

// The picker's rows, in registry order.
export function labChoices(labs: readonly LabDefinition[]): LabChoice[] {
  return labs.map((lab) => ({ title: `${lab.id}  ${lab.title} (${lab.section}, ${lab.duration})`, description: lab.proves, value: lab.id }));
}

// Rows whose id, title or description contain every typed word (any case, any order): "mirr", "ch4 tls", "canary".
export function filterLabChoices(input: string, choices: readonly LabChoice[]): LabChoice[] {
  const words = input.toLowerCase().split(/\s+/).filter((word) => word !== "");
  return choices.filter((choice) => {
    const text = `${choice.title} ${choice.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

// `npm run lab` with no argument on a terminal: type to filter the labs, arrows to move, Enter to run; undefined when cancelled.
export async function pickLab(labs: readonly LabDefinition[], streams: PickerStreams = {}): Promise<LabDefinition | undefined> {
  const { default: prompts } = await import("prompts");
  // prompts' autocomplete answers Esc with the highlighted row ("exit"); here Esc cancels, like Ctrl-C.
  let exited = false;
  const answer = await prompts({
    type: "autocomplete",
    name: "lab",
    message: "Which lab? (type to filter)",
    choices: labChoices(labs),
    suggest: async (input: string, choices) => filterLabChoices(input, choices as LabChoice[]),
    limit: 12,
    onState: (state: { exited?: boolean }) => void (exited = exited || state.exited === true),
    ...streams,
  });
  const id = exited ? undefined : (answer["lab"] as string | undefined);
  return labs.find((lab) => lab.id === id);
}
