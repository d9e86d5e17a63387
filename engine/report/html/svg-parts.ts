import { escapeHtml } from "./escape-html.js";

// Small pieces of inline SVG; every text from outside goes through escapeHtml, numbers are rounded.

export const num = (value: number): string => (Number.isFinite(value) ? String(Math.round(value * 10) / 10) : "0");

// An <svg> with a title for screen readers and data-* attributes tests and people can read.
export function svgFrame(width: number, height: number, title: string, data: Record<string, string | number>, body: string[]): string {
  const attrs = Object.entries(data)
    .map(([key, value]) => ` data-${key}="${escapeHtml(value)}"`)
    .join("");
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"${attrs}><title>${escapeHtml(title)}</title>${body.join("")}</svg>`;
}

export function svgText(x: number, y: number, text: string, css = "", anchor: "start" | "middle" | "end" = "start"): string {
  return `<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}"${css ? ` class="${css}"` : ""}>${escapeHtml(text)}</text>`;
}

export function svgRect(x: number, y: number, width: number, height: number, css: string, extra = ""): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(0, width))}" height="${num(Math.max(0, height))}" class="${css}"${extra}/>`;
}

export function svgLine(x1: number, y1: number, x2: number, y2: number, css: string): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" class="${css}"/>`;
}

// A linear map from a data range onto pixels.
export function scale(domainMax: number, from: number, to: number): (value: number) => number {
  const max = domainMax > 0 ? domainMax : 1;
  return (value) => from + ((to - from) * Math.min(Math.max(value, 0), max)) / max;
}
