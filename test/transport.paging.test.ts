/**
 * Fetch All against lists that page badly (test/hostile/lists.ts), through List Leads (no Page
 * Size: adaptive, large pages) and List Lead Action Histories (documented pages of 100), plus
 * the lead picker. Asserts every request's limit and offset, the records returned, and the
 * request counts the issues set: 10,000 leads in ≤ 10 requests when large pages are served,
 * exactly 100 when the server caps at 100, 101 when it refuses large pages (then 100, in this
 * process or a fresh one handed the state).
 */
import { describe, expect, it } from "vitest";
import { freshBundle, useFastTransport } from "./bundle";
import { apiKeyConnection, expectSent, harness } from "./helpers";
import { type ListBehaviour, listServer, record } from "./hostile/lists";
import { pickOne, randomInt, useHostile } from "./hostile/server";

useFastTransport();

let behaviour: ListBehaviour = { records: 0 };
const server = useHostile(listServer(() => behaviour));

/** A fresh API key per call would not matter (no token); a fresh account path keeps page-size memory apart. */
const connection = (apiKey = "paging-key") => apiKeyConnection(server, { apiKey });

/** One page of List Leads' Fetch All, as sent. */
const leadsPage = (limit: number, offset: number) => ({
  method: "GET",
  path: "/leads",
  query: { include_unassigned: "true", limit: String(limit), offset: String(offset) },
  body: "",
});

/** One page of List Lead Action Histories' Fetch All (lead 8113), as sent. */
const historiesPage = (limit: number, offset: number) => ({
  method: "GET",
  path: "/leads/8113/action_histories",
  query: { limit: String(limit), offset: String(offset) },
  body: "",
});

const fetchAllLeads = (params: Record<string, unknown> = {}, h = harness, state = {}) =>
  h.action(
    "listLeads",
    { connection: connection(), fetchAll: "true", maxRecords: "100000", ...params },
    { instanceState: state },
  );

const histories = (params: Record<string, unknown> = {}) =>
  harness.action("listLeadActionHistories", {
    connection: connection(),
    leadId: "8113",
    fetchAll: "true",
    maxRecords: "100000",
    ...params,
  });

const ids = (data: unknown) => (data as Array<{ id: number }>).map((r) => r.id);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("Fetch All of 10,000 leads", () => {
  it("large pages served: 10 requests of 1000", async () => {
    behaviour = { records: 10_000 };
    const result = await fetchAllLeads();
    expect(ids(result?.data)).toEqual(range(10_000));
    expectSent(
      server,
      range(10).map((i) => leadsPage(1000, (i - 1) * 1000)),
    );
  });

  it("pages silently capped at 100: exactly 100 requests, paged by what was received", async () => {
    behaviour = { records: 10_000, cap: 100 };
    const result = await fetchAllLeads();
    expect(ids(result?.data)).toEqual(range(10_000));
    expectSent(
      server,
      range(100).map((i) => leadsPage(1000, (i - 1) * 100)),
    );
  });

  it("large pages refused: 101 requests (1 fallback), then 100 with the state, in a fresh process too", async () => {
    behaviour = { records: 10_000, refuseAbove: 100 };
    const { harness: first } = freshBundle();
    const result = await fetchAllLeads({}, first);
    expect(ids(result?.data)).toEqual(range(10_000));
    const pagesOf100 = range(100).map((i) => leadsPage(100, (i - 1) * 100));
    expectSent(server, [leadsPage(1000, 0), ...pagesOf100]);
    const state = result?.instanceState as Record<string, unknown>;
    expect(state).toEqual({
      propipelines: { tokens: {}, pageSizes: { [`${server.account}/api/v2/leads`]: 100 } },
    });

    server.clearLog();
    await fetchAllLeads({}, first); // same process: remembered in memory
    expectSent(server, pagesOf100);

    server.clearLog();
    await fetchAllLeads({}, freshBundle().harness, state); // fresh process, state handed over
    expectSent(server, pagesOf100);
  });
});

describe("lists that ignore offset or lie about their size", () => {
  it("a list ignoring offset: 2 requests for its 100 distinct records, no duplicate", async () => {
    behaviour = { records: 5000, ignoreOffset: true, cap: 100, header: "none" };
    const result = await fetchAllLeads();
    expect(ids(result?.data)).toEqual(range(100));
    expectSent(server, [leadsPage(1000, 0), leadsPage(1000, 100)]);
  });

  it("a too-low X-TOTAL-COUNT (100 of 252) loses no record: full pages keep paging", async () => {
    behaviour = { records: 252, header: "low", lie: 100 };
    const result = await histories();
    expect(ids(result?.data)).toEqual(range(252));
    expectSent(server, [historiesPage(100, 0), historiesPage(100, 100), historiesPage(100, 200)]);
  });

  it("a too-high X-TOTAL-COUNT costs one empty page, no more", async () => {
    behaviour = { records: 252, header: "high", lie: 5000 };
    const result = await histories();
    expect(ids(result?.data)).toEqual(range(252));
    expectSent(server, [
      historiesPage(100, 0),
      historiesPage(100, 100),
      historiesPage(100, 200),
      historiesPage(100, 252),
    ]);
  });

  it("randomised: every record once, within 2 requests of the distinct records' pages", async () => {
    for (let run = 0; run < 30; run++) {
      const adaptive = Math.random() < 0.5;
      const records = randomInt(0, 2600);
      const header = pickOne(["true", "none", "random", "low", "high"] as const);
      const cap = pickOne([undefined, 100, 250, 1000]);
      const ignoreOffset = Math.random() < 0.2;
      const served = Math.min(adaptive ? 1000 : 100, cap ?? Number.POSITIVE_INFINITY);
      // A constant too-low header at or below the first page (a constant exactly at a later
      // page boundary would read as the truth: see src/pagination.ts).
      const lie = header === "low" ? randomInt(0, served) : records + randomInt(1, 3000);
      behaviour = { records, header, cap, ignoreOffset, lie };
      server.clearLog();
      const what = JSON.stringify({ adaptive, ...behaviour });
      const result = adaptive ? await fetchAllLeads() : await histories();
      const distinct = ignoreOffset ? Math.min(records, served) : records;
      expect(ids(result?.data), what).toEqual(range(distinct));
      // How many pages depends on the random list: a bound, then every page's method and path.
      const pages = server.log.length;
      expect(pages, what).toBeLessThanOrEqual(Math.ceil(distinct / served) + 2);
      const path = (adaptive ? leadsPage : historiesPage)(0, 0).path;
      const sent = expectSent(
        server,
        Array.from({ length: pages }, () => ({ method: "GET", path })),
        what,
      );
      // Each page starts where the records received so far end.
      const offsets = sent.map((r) => Number(r.query.offset));
      expect(offsets, what).toEqual([...offsets].sort((a, b) => a - b));
    }
  });
});

describe("Maximum Records", () => {
  it("cut before the end: fails by default with the count, after one request asking one more", async () => {
    behaviour = { records: 1000 };
    const error = await fetchAllLeads({ maxRecords: "250" }).catch(
      (e: unknown) => e as Error & Record<string, unknown>,
    );
    expect(error).toMatchObject({
      name: "LimitError",
      input: "Maximum Records",
      limit: 250,
      matched: 1000,
    });
    expect(String((error as Error).message)).toBe(
      "Maximum Records: 1000 records match, more than 250, so the list would be incomplete and nothing is returned. Raise Maximum Records or narrow the filters.",
    );
    expectSent(server, [leadsPage(251, 0)]);
  });

  it("cut without a header: the extra record proves it, the count is not invented", async () => {
    behaviour = { records: 1000, header: "none" };
    const error = (await fetchAllLeads({ maxRecords: "250" }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^Maximum Records: more than 250 records match/);
    expectSent(server, [leadsPage(251, 0)]);
  });

  it("exactly as many records as Maximum Records: returned, one request", async () => {
    behaviour = { records: 500 };
    const result = await fetchAllLeads({ maxRecords: "500" });
    expect(ids(result?.data)).toEqual(range(500));
    expectSent(server, [leadsPage(501, 0)]);
  });

  it("a full last page at Maximum Records with no header: one probe of 1 record decides", async () => {
    behaviour = { records: 200, header: "none" };
    const result = await histories({ maxRecords: "200" });
    expect(ids(result?.data)).toEqual(range(200));
    expectSent(server, [historiesPage(100, 0), historiesPage(100, 100), historiesPage(1, 200)]);
  });

  it("the lead picker keeps its bound: the first 120 of 1000 in one request, no error", async () => {
    behaviour = { records: 1000 };
    const { result } = await harness.dataSource("selectLead", {
      connection: connection(),
      maximum: "120",
    });
    expect((result as unknown[]).length).toBe(120);
    expectSent(server, [
      {
        method: "GET",
        path: "/leads",
        query: { direction: "desc", include_unassigned: "true", limit: "120", offset: "0" },
      },
    ]);
  });

  it("the lead picker's default 300: one request where large pages are served", async () => {
    behaviour = { records: 5000 };
    const { result } = await harness.dataSource("selectLead", { connection: connection() });
    expect(result).toHaveLength(300);
    expect((result as unknown[])[0]).toEqual({ key: "1", label: record(1).title });
    expectSent(server, [
      {
        method: "GET",
        path: "/leads",
        query: { direction: "desc", include_unassigned: "true", limit: "300", offset: "0" },
      },
    ]);
  });
});
