/**
 * The three ways a server may page a list whose maximum page the API document does not give
 * (leads, unassigned leads, prospecting lists), as the emulator's settings make them, and the
 * fewest requests each allows for reading N records.
 *
 * The live API's largest page is unknown: every public client pages by 100, the document says
 * the leads' limit "can be changed" and gives no maximum (../shared/reference/live-api-facts.md).
 */
import type { Emulator } from "../test/emulator";
import { listLeads } from "../test/emulator/resources/leads/listing";

export interface ServerBehaviour {
  key: string;
  label: string;
  /** The largest page served (null: any). */
  cap: number | null;
  overCap: "truncate" | "refuse";
}

export const SERVERS: readonly ServerBehaviour[] = [
  { key: "nocap", label: "no cap", cap: null, overCap: "truncate" },
  { key: "cap100", label: "caps at 100", cap: 100, overCap: "truncate" },
  { key: "refuse100", label: "refuses > 100", cap: 100, overCap: "refuse" },
];

/** The emulator's default (live) behaviour: pages silently capped at 100. */
export const LIVE_LIKE = SERVERS[1] as ServerBehaviour;

/** The lists the component pages adaptively (no documented cap). */
const UNCAPPED_LISTS = ["/leads", "/leads/unassigned", "/spreadsheets"];

/** How an emulator's current settings page a list. */
export function behaviourOf(emu: Emulator, path = "/leads"): ServerBehaviour {
  const { cap, overCap } = emu.pagingRules(path);
  const known = SERVERS.find((s) => s.cap === cap && (cap === null || s.overCap === overCap));
  return known ?? { key: "custom", label: `caps at ${cap} (${overCap})`, cap, overCap };
}

export function useServer(emu: Emulator, server: ServerBehaviour): void {
  for (const path of UNCAPPED_LISTS) emu.settings.limitCaps[path] = server.cap;
  emu.settings.overCap = server.overCap;
}

/**
 * The largest page the component asks for (src/pagination.ts, LARGE_PAGE). Where a server has
 * no cap, one request could carry every record; the component bounds a page so that one answer
 * arrives well within its 30 s per-attempt deadline and a page stays a few MB. That bound is the
 * component's, not the API's: checks against an uncapped server say so and show the floor (1).
 */
export const PAGE_BOUND = 1000;

export interface Derived {
  floor: number;
  minimum: number;
  why: string;
}

const pagesOf = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

/**
 * Reading every one of `n` records, or the first `n` of a longer list (`partOfLonger`, as the
 * lead picker does). `learnt`: an earlier run of this connection already found that large pages
 * are refused, and handed that over in its state; `stateless`: the caller has no state to learn
 * into (data sources), so a refusal is learnt again by each process.
 */
export function readMinimum(
  n: number,
  server: ServerBehaviour,
  { learnt = false, stateless = false, partOfLonger = false } = {},
): Derived {
  if (server.cap === null) {
    const pages = pagesOf(n, PAGE_BOUND);
    // A list that ends exactly on one full page: its one X-TOTAL-COUNT could be a wrong header
    // on a silently capped page (src/pagination.ts), so an empty next page confirms the end.
    const lone = !partOfLonger && pages === 1 && n === PAGE_BOUND;
    return {
      floor: 1,
      minimum: pages + (lone ? 1 : 0),
      why: [
        `no cap: 1 page could hold all; pages of ≤ ${PAGE_BOUND} (the component's bound) → ${pages}`,
        lone ? "+1: a single full page's X-TOTAL-COUNT is confirmed by an empty page" : "",
      ]
        .filter(Boolean)
        .join("; "),
    };
  }
  const pages = pagesOf(n, server.cap);
  const served = `${server.cap} per page → ceil(${n.toLocaleString("en-US")}/${server.cap})`;
  if (server.overCap === "truncate") return { floor: pages, minimum: pages, why: served };
  // After the refusal the component asks the cap itself: a list ending on its one full page
  // needs the empty page too.
  const lone = !partOfLonger && pages === 1 && n === server.cap ? 1 : 0;
  if (learnt) {
    return {
      floor: pages,
      minimum: pages + lone,
      why: `${served}; the refusal learnt by an earlier run (state handed over)`,
    };
  }
  return {
    floor: pages,
    minimum: pages + 1 + lone,
    why: `${served}; +1: the cap is undocumented, one larger page is refused ${stateless ? "per process (data sources get no state)" : "once per connection"}`,
  };
}

/**
 * The leads the emulator's GET /leads answers hold (what a step loads), by replaying each logged
 * query on the emulator's own listing as the answer leaves: the page is the matching leads from
 * `offset`, at most `limit`, at most the cap. Replayed as the API key sees the account.
 */
export function countLoadedLeads(emu: Emulator): {
  loaded: () => number;
  ids: () => number[];
  stop: () => void;
} {
  const ids: number[] = [];
  const stop = emu.onRequest((entry) => {
    if (entry.method !== "GET" || entry.path !== "/leads" || entry.status !== 200) return;
    const ctx = {
      method: entry.method,
      path: entry.path,
      params: {},
      query: entry.query,
      headers: entry.headers,
      body: entry.body,
      parts: entry.parts,
      caller: { kind: "apiKey" as const },
    };
    const offset = Number(entry.query.offset ?? 0);
    const { cap } = emu.pagingRules("/leads");
    const limit = Math.min(Number(entry.query.limit ?? 100), cap ?? Number.POSITIVE_INFINITY);
    for (const lead of listLeads(emu, ctx).slice(offset, offset + limit)) ids.push(lead.id);
  });
  return { loaded: () => ids.length, ids: () => [...ids], stop };
}
