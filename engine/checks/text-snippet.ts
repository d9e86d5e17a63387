// Small text helpers shared by the check evaluators: normalised lines and short quotes for one-line reasons.

// Text as lines: carriage returns removed, trailing whitespace trimmed, trailing blank lines dropped.
export function normaliseLines(text: string): string[] {
  const lines = text.replace(/\r/g, "").split("\n").map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

// Text with trailing whitespace trimmed on every line and at the end (how istio.io compares outputs).
export function normaliseText(text: string): string {
  return normaliseLines(text).join("\n");
}

// A string quoted for a one-line message; long ones are cut in the middle, line breaks shown as \n.
export function quoteSnippet(text: string, max = 80): string {
  const cut = text.length <= max ? text : `${text.slice(0, Math.ceil(max * 0.6))}…${text.slice(text.length - Math.floor(max * 0.4) + 1)}`;
  return JSON.stringify(cut);
}

// The 1-based line number and text of the first line containing `needle`, for "found at" messages.
export function findLine(text: string, needle: string): { number: number; line: string } | undefined {
  const lines = text.replace(/\r/g, "").split("\n");
  const index = lines.findIndex((line) => line.includes(needle));
  const line = lines[index];
  return line === undefined ? undefined : { number: index + 1, line };
}

// A share as a percentage for messages: 0.1 -> "10%", 0.125 -> "12.5%".
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

// A text shortened to `max` characters for a report line.
export function clip(text: string, max = 400): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max)}… (${trimmed.length} chars)`;
}
