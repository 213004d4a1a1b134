/** Plain-text tables for the bench output (also pasteable as Markdown), and spread statistics. */

export type Row = Array<string | number>;

export function formatTable(headers: string[], rows: Row[]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => (cell ?? "").padEnd(widths[i])).join(" | ")} |`;
  return [
    line(headers),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...cells.slice(1).map(line),
  ].join("\n");
}

export function printTable(title: string, headers: string[], rows: Row[], notes: string[] = []) {
  console.log(`\n## ${title}\n`);
  console.log(formatTable(headers, rows));
  for (const note of notes) console.log(note);
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Minimum, median and maximum of a set of measurements. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

export const spreadOf = (values: number[]): Spread => ({
  min: Math.min(...values),
  median: median(values),
  max: Math.max(...values),
});

/** "median (min–max)" in the given unit. */
export const showSpread = (s: Spread, format: (value: number) => string): string =>
  `${format(s.median)} (${format(s.min)}–${format(s.max)})`;

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
export const times = (value: number) => `${value.toFixed(2)}×`;
export const count = (value: number) => value.toLocaleString("en-US");
