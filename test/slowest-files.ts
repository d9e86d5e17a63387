// The test files that took longest (import plus tests), for `npm run test:profile`: the suite's time budget.

/** One test file and the milliseconds it took to import and run. */
export interface FileTime {
  file: string;
  ms: number;
}

// The `count` slowest files, slowest first (ties: by name, so the list is stable).
export function slowestFiles(times: readonly FileTime[], count = 10): FileTime[] {
  return [...times].sort((a, b) => b.ms - a.ms || a.file.localeCompare(b.file)).slice(0, count);
}

// "Slowest 10 test files:" then one right-aligned line per file, "  12.3 s  test/x.test.ts".
export function formatSlowest(times: readonly FileTime[]): string {
  const lines = times.map(({ file, ms }) => `${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
  return [`Slowest ${times.length} test files (import + tests):`, ...lines].join("\n");
}
