/**
 * Bundle size and cold load, measured as whole processes: `node -e "require('./dist/index.js')"`
 * against a baseline process, in pairs whose order alternates (so that background load hits
 * both alike), wall time from spawn to exit. The baseline is spectral alone
 * (`require('@prismatic-io/spectral')`, what any spectral component loads); `node -e 0` shows
 * what starting Node itself costs. BENCH_ONLY=template adds Prismatic's legacy template, built
 * in a temporary folder (bench/template.ts), as a second baseline.
 */
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { BUNDLE, component } from "./component";
import { kb, ms, printTable, type Row, showSpread, spreadOf, times } from "./table";
import { buildTemplate } from "./template";

const PAIRS = 15;

interface Process {
  label: string;
  script: string;
}

const requireOf = (file: string) => `require(${JSON.stringify(file)})`;
const OURS: Process = { label: "require('./dist/index.js')", script: requireOf(BUNDLE) };
const SPECTRAL: Process = {
  label: "require('@prismatic-io/spectral')",
  script: "require('@prismatic-io/spectral')",
};
const NODE: Process = { label: "node -e 0 (Node alone)", script: "0" };

/** Milliseconds from spawning `node -e script` to its exit. */
function wallMs(proc: Process): number {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-e", proc.script], { encoding: "utf8" });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`${proc.label} failed: ${child.stderr.trim()}`);
  return elapsed;
}

/** PAIRS rounds of ours and each baseline, the order reversed every other round. */
function pairedTimes(processes: Process[]): number[][] {
  const runs: number[][] = processes.map(() => []);
  for (let round = 0; round < PAIRS; round++) {
    const order = round % 2 ? [...processes.keys()].reverse() : [...processes.keys()];
    for (const i of order) runs[i]?.push(wallMs(processes[i] as Process));
  }
  return runs;
}

function contents(): string {
  const n = (record: Record<string, unknown>) => Object.keys(record).length;
  return `${n(component.actions)} actions, ${n(component.dataSources)} data sources, ${n(component.triggers)} triggers`;
}

function coldTable(title: string, processes: Process[], sizes: Array<number | undefined>) {
  const runs = pairedTimes(processes);
  const ourRuns = runs[0] as number[];
  const rows: Row[] = processes.map((p, i) => {
    const own = runs[i] as number[];
    const ratios = ourRuns.map((t, round) => t / (own[round] as number));
    return [
      p.label,
      sizes[i] === undefined ? "" : kb(sizes[i] as number),
      showSpread(spreadOf(own), ms),
      i === 0 ? "" : showSpread(spreadOf(ratios), times),
    ];
  });
  printTable(
    title,
    ["Process", "Bundle", "Wall time, median (min–max)", "Ours ÷ this, per pair"],
    rows,
    [
      "",
      `${PAIRS} rounds; each round runs every process once, in alternating order. Ours holds ${contents()}.`,
    ],
  );
}

export function bundleBench(): void {
  coldTable(
    `Cold require: whole Node processes (${PAIRS} paired rounds)`,
    [OURS, SPECTRAL, NODE],
    [statSync(BUNDLE).size, undefined, undefined],
  );
}

/** The same against Prismatic's legacy template, built now (needs the npm registry). */
export function templateBench(root: string): void {
  const template = buildTemplate(root);
  try {
    const theirs = { label: "require(template dist/index.js)", script: requireOf(template.bundle) };
    coldTable(
      `Cold require against Prism's legacy template (${PAIRS} paired rounds)`,
      [OURS, theirs],
      [statSync(BUNDLE).size, statSync(template.bundle).size],
    );
    if (template.buildSeconds) {
      console.log(
        `Template generated, installed and built in ${template.buildSeconds.toFixed(0)} s.`,
      );
    }
  } finally {
    template.cleanup();
  }
}
