/**
 * `npm run docs`: writes docs/reference.md from the built component (dist/index.js) and prints
 * the actions-per-resource table for the README.
 * `npm run docs:check`: renders to a temporary file and fails when docs/reference.md differs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Component } from "@prismatic-io/spectral/dist/serverTypes";
import { renderReference, summaryTable } from "./reference/render";

const root = process.cwd();
const target = join(root, "docs", "reference.md");
const component: Component = createRequire(join(root, "package.json"))("./dist/index.js").default;

/** The first line where two texts differ (1-based), with both versions of it. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return [
    `  first difference at line ${at + 1}:`,
    `    committed: ${JSON.stringify(b[at] ?? "<end of file>").slice(0, 160)}`,
    `    generated: ${JSON.stringify(a[at] ?? "<end of file>").slice(0, 160)}`,
  ].join("\n");
}

function check(markdown: string): number {
  const dir = mkdtempSync(join(tmpdir(), "propipelines-docs-"));
  try {
    const fresh = join(dir, "reference.md");
    writeFileSync(fresh, markdown);
    let committed: string;
    try {
      committed = readFileSync(target, "utf8");
    } catch {
      console.error("docs/reference.md is missing: run `npm run docs` and commit the result.");
      return 1;
    }
    if (committed === readFileSync(fresh, "utf8")) {
      console.log("docs/reference.md is up to date.");
      return 0;
    }
    console.error(
      [
        "docs/reference.md is stale: it does not match the built component.",
        firstDifference(markdown, committed),
        "Run `npm run docs` and commit docs/reference.md.",
      ].join("\n"),
    );
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const markdown = renderReference(component);
if (process.argv.includes("--check")) {
  process.exitCode = check(markdown);
} else {
  writeFileSync(target, markdown);
  console.log(`Wrote docs/reference.md (${markdown.length} characters).\n`);
  console.log("Actions per resource (for the README):\n");
  console.log(summaryTable(component));
}
