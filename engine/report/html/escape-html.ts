// ANSI colour and cursor sequences that logs and listr output carry.
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

// Text from outside (titles, seen output, commands) safe in quoted attribute values and anywhere in text.
export function escapeHtml(text: unknown): string {
  return String(text ?? "")
    .replace(ANSI, "")
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

// The same for element text only: quotes stay as they are (JSON in `seen` is full of them; the page stays small).
export function escapeText(text: unknown): string {
  return String(text ?? "")
    .replace(ANSI, "")
    .replace(/[&<>]/g, (ch) => ENTITIES[ch] ?? ch);
}
