/**
 * `npm run bench` (after scripts/ensure-build.mjs): the three benchmarks of the built component.
 * Exits non-zero when a quota figure exceeds its minimum (or an action has no quota case);
 * bundle and throughput ratios are reported against their targets without failing the run.
 * BENCH_ONLY=quota,bundle,throughput runs a subset.
 */
import { cpus, totalmem } from "node:os";
import { bundleBench } from "./bundle";
import { quotaBench } from "./quota";
import { throughputBench } from "./throughput";

const only = new Set((process.env.BENCH_ONLY ?? "quota,bundle,throughput").split(","));

async function main(): Promise<number> {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `# Pro Pipe Lines component bench — Node ${process.version}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM`,
  );
  let quotaOk = true;
  if (only.has("quota")) quotaOk = await quotaBench();
  if (only.has("bundle")) await bundleBench(process.cwd());
  if (only.has("throughput")) await throughputBench();
  if (!quotaOk) console.log("\nFAILED: a quota figure exceeds its minimum (see table 1).");
  return quotaOk ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
