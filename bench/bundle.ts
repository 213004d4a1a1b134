/**
 * Bundle size and cold load: dist/index.js next to Prismatic's legacy template built in the same
 * run. Cold load = time to `require` the bundle in a fresh Node process (median of RUNS, the two
 * bundles alternating so background load hits both alike).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { BUNDLE, component } from "./component";
import { kb, median, ms, printTable, ratio } from "./table";
import { buildTemplate } from "./template";

const RUNS = 9;
const TARGET = 1.2;

/** Milliseconds spent in `require(file)` by a fresh Node process. */
function coldRequire(file: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`require(${file}) failed: ${child.stderr.trim()}`);
  return Number(child.stdout);
}

function measure(files: string[]): number[] {
  const times: number[][] = files.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    files.forEach((file, i) => {
      times[i].push(coldRequire(file));
    });
  }
  return times.map(median);
}

/** Bytes per line: a minified bundle has long lines, a readable one short lines. */
function shape(file: string): string {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n").length;
  return `${lines} lines, ${Math.round(text.length / lines)} bytes/line`;
}

function optimizationOf(config: string): string {
  try {
    const loaded = createRequire(config)(config) as { mode?: string; optimization?: unknown };
    return `mode ${loaded.mode ?? "?"}, optimization ${JSON.stringify(loaded.optimization ?? {})}`;
  } catch (error) {
    return `unreadable (${(error as Error).message})`;
  }
}

function contents(): string {
  const count = (record: Record<string, unknown>) => Object.keys(record).length;
  return `${count(component.actions)} actions, ${count(component.dataSources)} data sources, ${count(component.triggers)} triggers`;
}

export async function bundleBench(root: string): Promise<void> {
  let template: ReturnType<typeof buildTemplate>;
  try {
    template = buildTemplate(root);
  } catch (error) {
    const size = statSync(BUNDLE).size;
    const [time] = measure([BUNDLE]);
    printTable(
      "2. Bundle size and cold require",
      ["Bundle", "Size", "Cold require"],
      [["propipelines dist/index.js", kb(size), ms(time)]],
    );
    console.log(`Template not built, no ratio: ${(error as Error).message}`);
    return;
  }
  try {
    const files = [BUNDLE, template.bundle];
    const [oursSize, theirsSize] = files.map((f) => statSync(f).size);
    const [oursTime, theirsTime] = measure(files);
    const sizeRatio = oursSize / theirsSize;
    const timeRatio = oursTime / theirsTime;
    const mark = (value: number) => (value <= TARGET ? "ok" : `over ${TARGET}× target`);
    printTable(
      `2. Bundle size and cold require (median of ${RUNS} fresh processes)`,
      ["Bundle", "Size", "Cold require", "Shape"],
      [
        ["propipelines dist/index.js", kb(oursSize), ms(oursTime), shape(BUNDLE)],
        ["prism legacy template", kb(theirsSize), ms(theirsTime), shape(template.bundle)],
        [
          "ratio (target ≤ 1.2×)",
          `${ratio(oursSize, theirsSize)} ${mark(sizeRatio)}`,
          `${ratio(oursTime, theirsTime)} ${mark(timeRatio)}`,
          "",
        ],
      ],
      [
        "",
        `Ours with ${contents()} in place.`,
        template.buildSeconds
          ? `Template generated, installed and built in ${template.buildSeconds.toFixed(0)} s.`
          : "Template reused from BENCH_TEMPLATE_DIR.",
        `Our webpack: ${optimizationOf(join(root, "webpack.config.js"))}.`,
        `Template webpack: ${optimizationOf(template.webpackConfig)} (minimize defaults to true in production).`,
      ],
    );
  } finally {
    template.cleanup();
  }
}
