import type { ToolName } from "./tool-pins.js";

/** One progress report while a tool downloads; totalBytes is undefined when the server did not say. */
export interface DownloadProgress {
  tool: ToolName;
  receivedBytes: number;
  totalBytes: number | undefined;
}

// "helm  3.2 MiB / 15.1 MiB  21%" — one line for a progress display.
export function formatProgressLine(progress: DownloadProgress): string {
  const { tool, receivedBytes, totalBytes } = progress;
  const received = formatBytes(receivedBytes);
  if (totalBytes === undefined || totalBytes <= 0) return `${tool}  ${received}`;
  const percent = Math.min(100, Math.floor((receivedBytes / totalBytes) * 100));
  return `${tool}  ${received} / ${formatBytes(totalBytes)}  ${percent}%`;
}

// 0 B, 512 B, 1.5 KiB, 15.1 MiB, 1.2 GiB.
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
