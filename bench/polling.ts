/**
 * What watching an account costs per day, and what user tokens cost, across executions as
 * Prismatic runs them: every poll and every call in a fresh process (a new load of
 * dist/index.js), handed the state the previous one returned. The emulator (in this process)
 * counts the requests; its clock moves by the polling interval between polls.
 */
import type { Emulator } from "../test/emulator";
import { type Check, counted, judge, printChecks } from "./checks";
import { apiKeyConnection, harness, leadCreatedDelivery, startAccount } from "./component";
import { type ConnectionSpec, type FreshOutcome, runChain, runFresh } from "./fresh";
import { countLoadedLeads } from "./servers";
import { count, printTable, type Row } from "./table";

const POLL = "newOrUpdatedLeads";
const INTERVALS_MIN = [1, 5, 15];
/** Idle polls measured per interval; the day's figure is their average × polls a day. */
const IDLE_POLLS = 4;
/** Calls per token row: one token fetch is the minimum however many there are. */
const TOKEN_CALLS = 10;
const DELIVERIES = 10;
/** Changes waiting for one poll: two sizes, to show what a poll loads does not grow with them. */
const BACKLOGS = [5_000, 20_000];
/** Leads in the polled account before the polls start. */
const ACCOUNT_LEADS = 1_000;
/** The trigger's default Maximum Leads per Poll. */
const MAX_LEADS_PER_POLL = 500;
/** The live-like emulator's page (the polls run on its default settings). */
const PAGE = 100;

interface Watcher {
  label: string;
  connection: (emu: Emulator) => ConnectionSpec;
  /** Where its user token comes from (none for the API key itself). */
  tokenPath?: string;
}

const WATCHERS: Watcher[] = [
  { label: "API key", connection: (emu) => ({ type: "apiKey", account: emu.account }) },
  {
    label: "API key + Act as User",
    connection: (emu) => ({ type: "apiKey", account: emu.account, actAsUser: "stef@example.com" }),
    tokenPath: "/auth/log_as",
  },
  {
    label: "User Login",
    connection: (emu) => ({ type: "userLogin", account: emu.account }),
    tokenPath: "/auth/login",
  },
];

const failureOf = (outcomes: FreshOutcome[]) => outcomes.find((o) => o.error)?.error;

/** Requests a chain of fresh steps made, and to which path. */
async function chainCounted(
  emu: Emulator,
  steps: Parameters<typeof runChain>[0],
  state: Record<string, unknown>,
  between?: (index: number) => void,
) {
  const before = emu.log.length;
  const chain = await runChain(steps, state, between);
  return { ...chain, requests: emu.log.slice(before) };
}

/** Idle polling at each interval with one connection. */
async function pollingChecks(watcher: Watcher): Promise<Check[]> {
  const emu = await startAccount();
  const checks: Check[] = [];
  try {
    // A lived-in account: more leads than one page, none changed while the polls run.
    emu.bulkCreateLeads(ACCOUNT_LEADS);
    const poll = { kind: "trigger" as const, key: POLL, connection: watcher.connection(emu) };
    const first = await chainCounted(emu, [poll], {});
    const firstCost = `first poll ${first.requests.length} (${first.requests.map((r) => r.path).join(", ")})`;
    let state = first.state;
    for (const minutes of INTERVALS_MIN) {
      // Leads loaded are replayed as the API key sees them: counted for that connection only.
      const served = watcher.tokenPath ? undefined : countLoadedLeads(emu);
      const polls = Array.from({ length: IDLE_POLLS }, () => poll);
      const idle = await chainCounted(emu, polls, state, () => emu.clock.advance(minutes * 60_000));
      served?.stop();
      state = idle.state;
      const perDay = (24 * 60) / minutes;
      const delivered = idle.outcomes.reduce((sum, o) => sum + o.records, 0);
      const loads = served ? `, loads ${served.loaded() / IDLE_POLLS} leads a poll` : "";
      checks.push(
        judge({
          subject: `Polling, ${watcher.label}`,
          call: `every ${minutes} min, idle: requests a day${loads}`,
          spent: Math.round((idle.requests.length / IDLE_POLLS) * perDay),
          minimum: perDay,
          why: `1 request per idle poll × ${perDay} polls (${IDLE_POLLS} measured, × ${perDay / IDLE_POLLS}); ${firstCost}`,
          error: failureOf(first.outcomes) ?? failureOf(idle.outcomes),
          problem: delivered ? `${delivered} leads delivered while idle` : undefined,
        }),
      );
    }
  } finally {
    await emu.stop();
  }
  return checks;
}

/** The leads stamped in the account's newest second: a poll resuming there reads them again. */
function newestSecond(emu: Emulator): number {
  const stamps = [...emu.store.leads.values()].map((lead) => Date.parse(lead.updated_at));
  const newest = Math.max(...stamps);
  return stamps.filter((stamp) => stamp === newest).length;
}

/**
 * A poll after a burst of changes larger than Maximum Leads per Poll, on an account of
 * ACCOUNT_LEADS leads polled once before: it must deliver its maximum and not load the backlog.
 * Of the burst it may load what it delivers, its newest-changes page (the one page of an idle
 * poll), the rest of the page where its budget ends, and the boundary lead each keyset page
 * reads again (src/triggers/newOrUpdatedLeads.ts); and no more for a larger backlog. Leads
 * changed before the burst that it reads again (its look-back) are shown; its requests are
 * shown next to the floor: the delivered leads, and those of the second it resumes from, in
 * pages of 100.
 */
async function burstRow(backlog: number): Promise<{ row: Row; fromBurst: number; ok: boolean }> {
  const emu = await startAccount();
  try {
    emu.bulkCreateLeads(ACCOUNT_LEADS);
    const poll = {
      kind: "trigger" as const,
      key: POLL,
      connection: { type: "apiKey" as const, account: emu.account },
    };
    const { state } = await runChain([poll], {});
    emu.clock.advance(60_000);
    const reread = newestSecond(emu);
    const burst = new Set(emu.bulkCreateLeads(backlog).map((lead) => lead.id));
    const served = countLoadedLeads(emu);
    const before = emu.log.length;
    const outcome = await runFresh({ ...poll, state });
    served.stop();
    const requests = emu.log.length - before;
    const loaded = served.ids();
    const fromBurst = loaded.filter((id) => burst.has(id)).length;
    const delivered = outcome.records;
    const bound = delivered + 2 * PAGE + requests;
    const result = outcome.error
      ? `FAIL: ${outcome.error}`
      : delivered !== MAX_LEADS_PER_POLL
        ? `FAIL: delivered ${delivered}, not Maximum Leads per Poll (${MAX_LEADS_PER_POLL})`
        : fromBurst > bound
          ? `FAIL: loaded ${fromBurst} of the backlog to deliver ${delivered}`
          : "ok";
    const row: Row = [
      count(backlog),
      delivered,
      `${fromBurst} (bound ${bound})`,
      loaded.length - fromBurst,
      `${requests} (floor ${Math.ceil((delivered + reread) / PAGE)})`,
      result,
    ];
    return { row, fromBurst, ok: result === "ok" };
  } finally {
    await emu.stop();
  }
}

/** A token fetched once serves every later call: state handed from process to process. */
async function tokenCheck(watcher: Watcher): Promise<Check> {
  const emu = await startAccount();
  try {
    const call = {
      kind: "action" as const,
      key: "testConnection",
      connection: watcher.connection(emu),
    };
    const chain = await chainCounted(
      emu,
      Array.from({ length: TOKEN_CALLS }, () => call),
      {},
    );
    const fetches = chain.requests.filter((r) => r.path === watcher.tokenPath).length;
    const others = chain.requests.length - fetches;
    return judge({
      subject: `Token, ${watcher.label}`,
      call: `token fetches in ${TOKEN_CALLS} calls (Test Connection), each a fresh process`,
      spent: fetches,
      minimum: 1,
      why: "a token lives 30 days: fetched once, then carried in the instance state",
      error: failureOf(chain.outcomes),
      problem:
        others > TOKEN_CALLS ? `${others} other requests for ${TOKEN_CALLS} calls` : undefined,
    });
  } finally {
    await emu.stop();
  }
}

/** Webhook deliveries: checked against the API key's signature, no request. */
async function webhookCheck(): Promise<Check> {
  const emu = await startAccount();
  try {
    const params = { connection: apiKeyConnection(emu), events: ["lead.creation"] };
    const { used, error } = await counted(emu, async () => {
      for (let i = 0; i < DELIVERIES; i++) {
        await harness.trigger("proPipeLinesEvents", leadCreatedDelivery(emu, 990_000 + i), params);
      }
    });
    return judge({
      subject: "Webhook trigger (Pro Pipe Lines Events)",
      call: `idle: no request a day; ${DELIVERIES} signed deliveries`,
      spent: used,
      minimum: 0,
      why: "nothing to ask: the API sends each change",
      error,
    });
  } finally {
    await emu.stop();
  }
}

export async function pollingBench(): Promise<boolean> {
  const checks: Check[] = [];
  for (const watcher of WATCHERS) checks.push(...(await pollingChecks(watcher)));
  checks.push(await webhookCheck());
  for (const watcher of WATCHERS) {
    if (watcher.tokenPath) checks.push(await tokenCheck(watcher));
  }
  const ok = printChecks(
    "Watching an account, and user tokens (each poll or call a fresh process)",
    checks,
    [
      "Each poll and call is a new Node process loading dist/index.js, handed the state the previous one returned (as Prismatic persists it); the emulator's clock moves by the interval between polls.",
    ],
  );
  const bursts: Array<Awaited<ReturnType<typeof burstRow>>> = [];
  for (const backlog of BACKLOGS) bursts.push(await burstRow(backlog));
  // A larger backlog must not make a poll load more.
  const grows = bursts.some((b) => b.fromBurst > (bursts[0]?.fromBurst ?? 0));
  printTable(
    "A poll after a burst of changes (API key, fresh process): what it loads",
    ["Changes waiting", "Delivered", "Loaded of them", "Read again", "Requests", "Result"],
    bursts.map((b) => b.row),
    [
      "",
      "Read again: leads changed before the burst that the poll reads again (its look-back); the floor counts only the delivered leads and those of the second it resumes from.",
      grows
        ? "FAIL: a larger backlog made the poll load more."
        : "A larger backlog does not make the poll load more.",
    ],
  );
  return ok && !grows && bursts.every((b) => b.ok);
}
