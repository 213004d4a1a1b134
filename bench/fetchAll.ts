/**
 * Fetch All (List Leads without a Page Size) of 1,000, 10,000 and 100,000 leads, and the lead
 * picker's default 300 of 5,000, under each server behaviour (bench/servers.ts). Every run is a
 * fresh process given the state the previous run of its connection handed back, as Prismatic
 * runs executions; the emulator (in this process) counts the requests and the leads it served.
 * The same runs measure Fetch All's heap: what its result holds, and the peak while paging.
 */
import type { Emulator } from "../test/emulator";
import { type Check, judge, printChecks } from "./checks";
import { startAccount } from "./component";
import { type FreshOutcome, runFresh } from "./fresh";
import {
  countLoadedLeads,
  PAGE_BOUND,
  readMinimum,
  SERVERS,
  type ServerBehaviour,
  useServer,
} from "./servers";
import { count, mb, ms, printTable, type Row } from "./table";

const SIZES = [1_000, 10_000, 100_000];
/** Maximum Records' ceiling (src/endpoint/paging.ts): above every size measured. */
const MAX_RECORDS = 100_000;
const PICKER_ACCOUNT = 5_000;
const PICKER_DEFAULT = 300;

interface Measured {
  n: number;
  server: ServerBehaviour;
  spent: number;
  outcome: FreshOutcome;
}

const emulatorWith = async (leads: number) => {
  const emu = await startAccount();
  emu.store.leads.clear();
  emu.bulkCreateLeads(leads);
  return emu;
};

async function fetchAll(emu: Emulator, state: Record<string, unknown>) {
  const before = emu.log.length;
  const outcome = await runFresh({
    kind: "action",
    key: "listLeads",
    connection: { type: "apiKey", account: emu.account },
    params: { fetchAll: "true", maxRecords: String(MAX_RECORDS) },
    state,
    heap: true,
  });
  return { outcome, spent: emu.log.length - before };
}

function fetchAllCheck(m: Measured, call: string, learnt: boolean): Check {
  const { floor, minimum, why } = readMinimum(m.n, m.server, { learnt });
  const { records, error } = m.outcome;
  return judge({
    subject: `Fetch All, ${count(m.n)} leads`,
    call,
    spent: m.spent,
    floor,
    minimum,
    why,
    error,
    problem: error || records === m.n ? undefined : `${records} of ${m.n} leads returned`,
  });
}

/** The lead picker opened with its defaults (no state: data sources get none). */
async function pickerCheck(emu: Emulator, server: ServerBehaviour): Promise<Check> {
  useServer(emu, server);
  const served = countLoadedLeads(emu);
  const before = emu.log.length;
  const outcome = await runFresh({
    kind: "dataSource",
    key: "selectLead",
    connection: { type: "apiKey", account: emu.account },
  });
  served.stop();
  const spent = emu.log.length - before;
  const { floor, minimum, why } = readMinimum(PICKER_DEFAULT, server, {
    stateless: true,
    partOfLonger: true,
  });
  const shown = outcome.records;
  const problem =
    shown !== PICKER_DEFAULT
      ? `${shown} leads shown`
      : served.loaded() > shown
        ? `loaded ${served.loaded()} leads to show ${shown}`
        : undefined;
  return judge({
    subject: `Lead picker, ${count(PICKER_DEFAULT)} of ${count(PICKER_ACCOUNT)}`,
    call: `${server.label}, loaded ${served.loaded()}`,
    spent,
    floor,
    minimum,
    why,
    error: outcome.error,
    problem,
  });
}

function growthRows(measured: Measured[]): Row[] {
  return measured.map(({ n, server, spent, outcome }) => {
    const heap = outcome.heap ?? { retained: 0, peak: 0 };
    return [
      count(n),
      server.label,
      spent,
      ms(outcome.ms),
      mb(heap.retained),
      `${(heap.retained / n / 1024).toFixed(2)} KB`,
      mb(heap.peak),
    ];
  });
}

/** Heap each further lead adds, between consecutive sizes: equal figures mean linear growth. */
function marginal(measured: Measured[], server: ServerBehaviour): string {
  const runs = measured.filter((m) => m.server === server && m.outcome.heap);
  const steps = runs.slice(1).map((large, i) => {
    const small = runs[i] as Measured;
    const grown = (large.outcome.heap?.retained ?? 0) - (small.outcome.heap?.retained ?? 0);
    return `${count(small.n)}→${count(large.n)}: ${(grown / (large.n - small.n) / 1024).toFixed(2)} KB`;
  });
  return steps.length ? `${server.label}: heap per further lead ${steps.join(", ")}.` : "";
}

export async function fetchAllBench(): Promise<boolean> {
  const checks: Check[] = [];
  const measured: Measured[] = [];
  for (const n of SIZES) {
    const emu = await emulatorWith(n);
    try {
      for (const server of SERVERS) {
        useServer(emu, server);
        const first = await fetchAll(emu, {});
        const m = { n, server, ...first };
        measured.push(m);
        checks.push(fetchAllCheck(m, `${server.label}, first run`, false));
        if (server.overCap !== "refuse") continue;
        const next = await fetchAll(emu, first.outcome.state);
        checks.push(
          fetchAllCheck({ n, server, ...next }, `${server.label}, next run (state)`, true),
        );
      }
    } finally {
      await emu.stop();
    }
  }
  const emu = await emulatorWith(PICKER_ACCOUNT);
  try {
    for (const server of SERVERS) checks.push(await pickerCheck(emu, server));
  } finally {
    await emu.stop();
  }
  const ok = printChecks(
    "Fetch All and the lead picker, each run in a fresh process (requests counted by the emulator)",
    checks,
    [
      `Fetch All: List Leads with Fetch All on, no Page Size, Maximum Records ${count(MAX_RECORDS)}; "next run" is a new process handed the state the first run returned.`,
      `Pages of at most ${PAGE_BOUND} where the server has no cap is the component's bound (src/pagination.ts), not the API's: the API floor there is 1 request.`,
    ],
  );
  printTable(
    "Fetch All growth (first runs above; heap of the fresh process measured around the step)",
    ["Leads", "Server", "Requests", "Step time", "Heap retained", "Per lead", "Peak heap growth"],
    growthRows(measured),
    [
      "",
      "Heap retained: heap in use after a collection with the step's result still referenced, minus before the step.",
      ...SERVERS.map((server) => marginal(measured, server)).filter(Boolean),
    ],
  );
  return ok;
}
