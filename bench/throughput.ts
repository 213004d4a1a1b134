/**
 * Fetch-all throughput: 10,000 seeded leads fetched through the List Leads action (Fetch All)
 * and by plain axios paging the same emulator with the same page size, in the same run.
 * Each way runs ROUNDS times, alternating; the table shows the medians. Memory is the heap
 * growth above a collected baseline, sampled while each way runs (the emulator shares the
 * process, so both ways carry its cost alike), and the process's peak RSS.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import axios from "axios";
import { DEFAULT_API_KEY, Emulator } from "../test/emulator";
import { apiKeyConnection, harness, messageOf } from "./component";
import { mb, median, ms, printTable, ratio } from "./table";

const LEADS = 10_000;
const PAGE = 100;
const ROUNDS = 3;
const TARGET = 1.2;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

interface Run {
  ms: number;
  requests: number;
  records: number;
  heapPeak: number;
}

/** Runs `fn` and reports its time, the emulator requests it made and its peak heap growth. */
async function measured(emu: Emulator, fn: () => Promise<number>): Promise<Run> {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const before = emu.log.length;
  const started = performance.now();
  try {
    const records = await fn();
    const elapsed = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { ms: elapsed, requests: emu.log.length - before, records, heapPeak: peak - baseline };
  } finally {
    clearInterval(sampler);
  }
}

async function viaAction(emu: Emulator): Promise<number> {
  const result = await harness.action("listLeads", {
    connection: apiKeyConnection(emu),
    fetchAll: "true",
    maxRecords: String(LEADS),
    limit: String(PAGE),
  });
  const data = (result as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) throw new Error("List Leads did not return a list");
  return data.length;
}

/** The baseline: offset/limit pages with axios, stopping at LEADS records or a short page. */
async function viaAxios(emu: Emulator): Promise<number> {
  const http = axios.create({
    baseURL: `${emu.account}/api/v2`,
    headers: { "X-API-KEY": DEFAULT_API_KEY, Accept: "application/json" },
  });
  const items: unknown[] = [];
  for (let offset = 0; items.length < LEADS; ) {
    const limit = Math.min(PAGE, LEADS - items.length);
    const { data } = await http.get<unknown[]>("/leads", { params: { limit, offset } });
    items.push(...data);
    offset += data.length;
    if (data.length < limit) break;
  }
  return items.length;
}

export async function throughputBench(): Promise<void> {
  const emu = await new Emulator({ dailyQuota: 1_000_000 }).start();
  try {
    const title = `3. Fetch all ${LEADS.toLocaleString("en-US")} leads, page size ${PAGE} (median of ${ROUNDS} rounds)`;
    // Exactly LEADS leads: Fetch All fails rather than return a cut list when more match.
    emu.store.leads.clear();
    emu.store.seedLeads(LEADS);
    const action: Run[] = [];
    const plain: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      action.push(await measured(emu, () => viaAction(emu)));
      plain.push(await measured(emu, () => viaAxios(emu)));
    }
    const summary = (runs: Run[]) => ({
      ms: median(runs.map((r) => r.ms)),
      requests: Math.max(...runs.map((r) => r.requests)),
      records: Math.min(...runs.map((r) => r.records)),
      heap: Math.max(...runs.map((r) => r.heapPeak)),
    });
    const ours = summary(action);
    const base = summary(plain);
    const expected = Math.ceil(LEADS / PAGE);
    const row = (way: string, s: typeof ours) => [
      way,
      ms(s.ms),
      `${s.requests} (min ${expected})`,
      s.records,
      mb(s.heap),
    ];
    const timeRatio = ours.ms / base.ms;
    printTable(
      title,
      ["Way", "Wall time", "Requests", "Records", "Peak heap growth"],
      [
        row("List Leads action (harness, dist/index.js)", ours),
        row("plain axios paging", base),
        [
          "ratio (target ≤ 1.2×)",
          `${ratio(ours.ms, base.ms)} ${timeRatio <= TARGET ? "ok" : "over target"}`,
          ours.requests <= expected ? "ok" : "OVER MINIMUM",
          ours.records === LEADS ? "ok" : `expected ${LEADS}`,
          ratio(ours.heap, base.heap),
        ],
      ],
      [
        "",
        `Process peak RSS (maxRSS, whole bench so far): ${mb(process.resourceUsage().maxRSS * 1024)}.`,
      ],
    );
  } catch (error) {
    console.log(`\nFetch-all throughput not measured: ${messageOf(error)}`);
  } finally {
    await emu.stop();
  }
}
