// Text from outside (tool output, ids typed by a user, API messages) is printed with its control characters made
// visible, so it cannot recolour, move the cursor, retitle or clear the user's terminal.

// C0 controls except tab and newline, DEL, and the C1 range (which includes the 8-bit CSI).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// ESC becomes "\x1b", other controls their \xNN form; tabs and newlines stay.
export function neutraliseEscapes(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
