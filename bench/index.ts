/**
 * `npm run bench` (after scripts/ensure-build.mjs): what the built component costs, measured.
 * Sections (BENCH_ONLY=quota,jobs,fetchall,polling,bundle,throughput runs a subset; `template`
 * adds Prismatic's legacy template to the cold-require comparison, and is off by default as it
 * installs packages):
 * - quota: requests per call of every action, data source and trigger;
 * - jobs: requests per user job (docs/recipes.md);
 * - fetchall: Fetch All of 1k/10k/100k leads and the lead picker under each server behaviour,
 *   each run a fresh process; Fetch All's heap growth;
 * - polling: idle polling per day with each connection, the webhook trigger, user tokens, each
 *   poll or call a fresh process;
 * - bundle: size and cold require as whole processes, against spectral alone;
 * - throughput: Fetch All of 10,000 leads against plain axios paging, the emulator in another
 *   process.
 * Exits non-zero when a request count exceeds its minimum or a measured call fails; times are
 * reported with their spread and never fail the run.
 */
import { cpus, totalmem } from "node:os";
import { bundleBench, templateBench } from "./bundle";
import { fetchAllBench } from "./fetchAll";
import { jobsBench } from "./jobs";
import { pollingBench } from "./polling";
import { quotaBench } from "./quota";
import { throughputBench } from "./throughput";

const DEFAULT = "quota,jobs,fetchall,polling,bundle,throughput";
const SECTIONS: Record<string, () => Promise<boolean> | boolean> = {
  quota: quotaBench,
  jobs: jobsBench,
  fetchall: fetchAllBench,
  polling: pollingBench,
  bundle: () => {
    bundleBench();
    return true;
  },
  throughput: async () => {
    await throughputBench();
    return true;
  },
  template: () => {
    templateBench(process.cwd());
    return true;
  },
};

async function main(): Promise<number> {
  const only = (process.env.BENCH_ONLY || DEFAULT).split(",").map((s) => s.trim());
  const unknown = only.filter((name) => !(name in SECTIONS));
  if (unknown.length) {
    console.error(
      `BENCH_ONLY: unknown section ${unknown.join(", ")} (known: ${Object.keys(SECTIONS).join(", ")})`,
    );
    return 2;
  }
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `# Pro Pipe Lines component bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM`,
  );
  const failed: string[] = [];
  for (const name of only) {
    const started = Date.now();
    try {
      if (!(await SECTIONS[name]?.())) failed.push(name);
    } catch (error) {
      console.log(`\n${name}: FAILED: ${error instanceof Error ? error.message : String(error)}`);
      failed.push(name);
    }
    console.log(`\n(${name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  if (failed.length) {
    console.log(
      `\nFAILED: ${failed.join(", ")} (a request count over its minimum, or a call that failed).`,
    );
  }
  return failed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
