/**
 * `npm run docs`: writes docs/reference.md from the built component (dist/index.js), puts the
 * actions-per-resource table in README.md between its `summary:start`/`summary:end` markers,
 * and prints that table.
 * `npm run docs:check`: regenerates both into a temporary folder and fails, naming the first
 * differing line, when the files in the repository differ (CI runs it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { component, RESOURCES, registry } from "../test/harness";
import { renderReference, summaryTable } from "./reference/render";

const root = process.cwd();

const START = "<!-- summary:start -->";
const END = "<!-- summary:end -->";

interface Output {
  /** Path relative to the repository root. */
  path: string;
  /** The file's expected content, given its current one (undefined: leave it alone). */
  render: (current: string | undefined) => string | undefined;
}

function readmeSummary(summary: string) {
  return [
    "See [docs/reference.md](docs/reference.md) for every connection, action, data source and",
    "trigger with its inputs and example payload (generated from the component: `npm run docs`).",
    "",
    summary,
  ].join("\n");
}

/** README.md with the summary between its markers; unchanged when it has no markers. */
function withSummary(readme: string | undefined, summary: string): string | undefined {
  if (readme === undefined) return undefined;
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) return undefined;
  return `${readme.slice(0, start + START.length)}\n${readmeSummary(summary)}\n${readme.slice(end)}`;
}

const endpoints = { endpoints: registry, order: RESOURCES };
const summary = summaryTable(component, endpoints);
const outputs: Output[] = [
  { path: "docs/reference.md", render: () => renderReference(component, endpoints) },
  { path: "README.md", render: (current) => withSummary(current, summary) },
];

const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

/** The first line where two texts differ (1-based), with both versions of it. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const index = a.findIndex((line, i) => line !== b[i]);
  const at = index === -1 ? a.length : index;
  const show = (line: string | undefined) => JSON.stringify(line ?? "<end of file>").slice(0, 160);
  return [
    `  first difference at line ${at + 1}:`,
    `    in the repository: ${show(b[at])}`,
    `    generated:         ${show(a[at])}`,
  ].join("\n");
}

function check(): number {
  const dir = mkdtempSync(join(tmpdir(), "propipelines-docs-"));
  let stale = 0;
  try {
    for (const output of outputs) {
      const current = read(join(root, output.path));
      const expected = output.render(current);
      if (expected === undefined) continue;
      const fresh = join(dir, output.path.replace(/\//g, "_"));
      writeFileSync(fresh, expected);
      if (current === readFileSync(fresh, "utf8")) continue;
      stale += 1;
      console.error(
        current === undefined
          ? `${output.path} is missing.`
          : `${output.path} is stale: it does not match the built component.\n${firstDifference(expected, current)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (stale) {
    console.error("Run `npm run docs` and commit the result.");
    return 1;
  }
  console.log("docs/reference.md and the README summary are up to date.");
  return 0;
}

function write(): void {
  for (const output of outputs) {
    const file = join(root, output.path);
    const expected = output.render(read(file));
    if (expected === undefined) {
      console.log(`${output.path}: no ${START} … ${END} markers, left unchanged.`);
      continue;
    }
    writeFileSync(file, expected);
    console.log(`Wrote ${output.path}.`);
  }
  console.log("\nActions per resource (also in README.md):\n");
  console.log(summary);
}

if (process.argv.includes("--check")) {
  process.exitCode = check();
} else {
  write();
}
