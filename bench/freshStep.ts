/**
 * The child process of bench/fresh.ts: receives one step, runs it on the built component
 * (dist/index.js, loaded by this process alone) through spectral's harness, and sends back the
 * state the step handed over, how many records it returned and, when asked, its heap use.
 */
import { apiKeyConnection, harness, loginConnection } from "../test/harness";
import type { ConnectionSpec, FreshOutcome, FreshStep } from "./fresh";

/** Exposed by --expose-gc (bench/fresh.ts starts this process with it). */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function connectionOf(spec: ConnectionSpec) {
  const to = { account: spec.account };
  return spec.type === "userLogin"
    ? loginConnection(to)
    : apiKeyConnection(to, { actAsUser: spec.actAsUser });
}

/** A list's length, or the total length of an object's lists (a poll's created + updated). */
function recordsIn(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (!value || typeof value !== "object") return 0;
  return Object.values(value).reduce<number>(
    (sum, item) => sum + (Array.isArray(item) ? item.length : 0),
    0,
  );
}

interface Ran {
  records: number;
  branch?: string;
}

/** The step's whole result, referenced here so that it is alive when the heap is measured. */
const alive: unknown[] = [];

async function perform(step: FreshStep, state: Record<string, unknown>): Promise<Ran> {
  const params = { connection: connectionOf(step.connection), ...step.params };
  if (step.kind === "action") {
    const result = await harness.action(step.key, params, { instanceState: state });
    Object.assign(state, result?.instanceState);
    alive.push(result);
    return { records: recordsIn(result?.data) };
  }
  if (step.kind === "dataSource") {
    const result = await harness.dataSource(step.key, params);
    alive.push(result);
    return { records: recordsIn(result.result) };
  }
  // The harness hands `state` to the trigger, which writes its polling state into it.
  const result = (await harness.trigger(step.key, undefined, params, {
    instanceState: state,
  })) as { branch?: string; payload?: { body?: { data?: unknown } } } | undefined;
  alive.push(result);
  return { records: recordsIn(result?.payload?.body?.data), branch: result?.branch };
}

async function main(step: FreshStep): Promise<FreshOutcome> {
  const state = { ...step.state };
  collect();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = step.heap
    ? setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }, 2)
    : undefined;
  const started = performance.now();
  try {
    const ran = await perform(step, state);
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    collect();
    const retained = process.memoryUsage().heapUsed - base;
    const heap = step.heap ? { retained, peak: peak - base } : undefined;
    alive.length = 0;
    return { state, records: ran.records, branch: ran.branch, ms, heap };
  } catch (error) {
    clearInterval(sampler);
    const message = error instanceof Error ? error.message : String(error);
    return { state, records: 0, ms: performance.now() - started, error: message };
  }
}

process.once("message", (step) => {
  main(step as FreshStep).then((outcome) => {
    process.send?.(outcome, () => process.exit(0));
  });
});
