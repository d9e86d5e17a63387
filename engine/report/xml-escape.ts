// Characters XML 1.0 forbids (control characters except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// ANSI colour and cursor sequences that logs and listr output carry.
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/g;

// Text safe inside an XML attribute value or element: escaped, with ANSI codes and invalid characters removed.
export function escapeXml(text: string): string {
  return text
    .replace(ANSI, "")
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

// Attribute values keep line breaks as character references so parsers do not fold them into spaces.
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
