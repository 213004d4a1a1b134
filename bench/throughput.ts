/**
 * Fetch-all throughput: 10,000 leads through the List Leads action (Fetch All, no Page Size, the
 * built bundle under spectral's harness) against plain axios limit/offset paging, over the same
 * emulator running in another process (bench/emulatorProcess.ts), so the server's work does not
 * share the measured process. Two servers: pages capped at 100 (live-like: both ways send 100
 * requests, the ratio is the component's overhead) and no cap (the component asks pages of
 * 1000; plain paging is timed at 100, as public clients page, and at 1000, the same requests).
 * One warm-up round, then ROUNDS rounds alternating which way goes first; min / median / max.
 */
import axios from "axios";
import { DEFAULT_API_KEY } from "../test/emulator";
import { apiKeyConnection, harness } from "./component";
import { type RemoteEmulator, startRemoteEmulator } from "./emulatorProcess";
import { count, ms, printTable, type Row, showSpread, spreadOf, times } from "./table";

const LEADS = 10_000;
const ROUNDS = 7;

interface Way {
  label: string;
  fetch: (account: string) => Promise<number>;
}

interface Timed {
  ms: number[];
  requests: number;
  records: number;
}

const ours: Way = {
  label: "List Leads, Fetch All (dist/index.js)",
  fetch: async (account) => {
    const result = await harness.action("listLeads", {
      connection: apiKeyConnection({ account }),
      fetchAll: "true",
      maxRecords: String(LEADS),
    });
    const data = (result as { data?: unknown } | undefined)?.data;
    return Array.isArray(data) ? data.length : 0;
  },
};

/** Offset/limit pages with axios until a short page, as a hand-written client pages. */
const plain = (limit: number): Way => ({
  label: `plain axios paging, limit ${limit}`,
  fetch: async (account) => {
    const http = axios.create({
      baseURL: `${account}/api/v2`,
      headers: { "X-API-KEY": DEFAULT_API_KEY, Accept: "application/json" },
    });
    let records = 0;
    for (let offset = 0; ; ) {
      const { data } = await http.get<unknown[]>("/leads", { params: { limit, offset } });
      records += data.length;
      offset += data.length;
      if (data.length < limit) return records;
    }
  },
});

async function timeOnce(emu: RemoteEmulator, way: Way, into: Timed): Promise<void> {
  const before = await emu.requests();
  const started = performance.now();
  into.records = await way.fetch(emu.account);
  into.ms.push(performance.now() - started);
  into.requests = (await emu.requests()) - before;
}

/** What the ratio's spread says. */
function meaning(ratios: number[]): string {
  const { min, max } = spreadOf(ratios);
  if (min <= 1 && max >= 1) return "within the round-to-round spread: no difference shown";
  const pct = (r: number) => `${Math.abs((r - 1) * 100).toFixed(0)}%`;
  return max < 1
    ? `faster in every round, by ${pct(max)}–${pct(min)}`
    : `slower in every round, by ${pct(min)}–${pct(max)}`;
}

async function scenario(title: string, cap: number | null, baselines: Way[]): Promise<void> {
  const emu = await startRemoteEmulator(
    { dailyQuota: 1_000_000_000, limitCaps: { "/leads": cap } },
    LEADS,
  );
  try {
    const ways = [ours, ...baselines];
    const fresh = (): Timed => ({ ms: [], requests: 0, records: 0 });
    const timed = ways.map(fresh);
    for (const way of ways) await timeOnce(emu, way, fresh()); // warm-up, not counted
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [...ways.keys()].reverse() : [...ways.keys()];
      for (const i of order) await timeOnce(emu, ways[i] as Way, timed[i] as Timed);
    }
    const base = timed[0] as Timed;
    const rows: Row[] = ways.map((way, i) => {
      const t = timed[i] as Timed;
      const ratios = base.ms.map((m, round) => m / (t.ms[round] as number));
      return [
        way.label,
        showSpread(spreadOf(t.ms), ms),
        t.requests,
        count(t.records),
        i === 0 ? "" : showSpread(spreadOf(ratios), times),
        i === 0 ? "" : meaning(ratios),
      ];
    });
    printTable(
      title,
      [
        "Way",
        "Wall time, median (min–max)",
        "Requests",
        "Records",
        "Ours ÷ this way, per round",
        "What the ratio shows",
      ],
      rows,
    );
  } finally {
    await emu.stop();
  }
}

export async function throughputBench(): Promise<void> {
  const n = count(LEADS);
  await scenario(
    `Throughput: Fetch All of ${n} leads, server caps pages at 100 (${ROUNDS} rounds)`,
    100,
    [plain(100)],
  );
  await scenario(
    `Throughput: Fetch All of ${n} leads, server without a cap (${ROUNDS} rounds)`,
    null,
    [plain(100), plain(1000)],
  );
  console.log(
    "\nThe emulator runs in its own process on this machine (no network latency): wall times are the component's and the server's work, not a live account's.",
  );
}
