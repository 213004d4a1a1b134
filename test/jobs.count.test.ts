/**
 * Count Leads through the built component: exact counts on 1,505 leads (some unassigned), one
 * request per group reading X-TOTAL-COUNT with a one-lead page, and an error (never a guess)
 * when the header is missing or does not fit the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./emulator";
import type { Lead } from "./emulator/store";
import { actionRunner, dataRunner, errorOf, errorRunner, expectSent, useEmulator } from "./helpers";
import { schemaProblem } from "./schemas";

const emu = useEmulator();
const run = dataRunner(emu);
const errorFrom = errorRunner(emu);

interface Counts {
  total: number;
  byStatus: Record<string, number> | null;
  byStep: Record<string, number> | null;
}

const STATUSES = ["todo", "standby", "won", "lost", "cancelled"];
const STEPS = [1189, 1190, 1191, 1192, 1193];

/** One count request: GET /leads, one lead per page, unassigned leads included. */
const counted = (query: Record<string, string> = {}) => ({
  method: "GET",
  path: "/leads",
  query: { include_unassigned: "true", limit: "1", ...query },
  status: 200,
});

/** The account's step names as GET /steps lists them (by position). */
const stepNames = () =>
  [...emu.store.steps.values()].sort((a, b) => a.position - b.position).map((step) => step.name);

const countWhere = (keep: (lead: Lead) => boolean) =>
  [...emu.store.leads.values()].filter(keep).length;

beforeAll(() => {
  // 1,505 leads: every status and step, a seventh of them unassigned.
  const missing = 1505 - emu.store.leads.size;
  for (let i = 0; i < missing; i++) {
    emu.store.addLead({
      title: `Counted ${i}`,
      status: STATUSES[i % 5] as string,
      step_id: STEPS[i % 3 === 0 ? i % 5 : 1] as number,
      user_id: i % 7 === 0 ? null : 514 + (i % 3),
      tags: i % 4 === 0 ? ["q3"] : [],
    });
  }
});

describe("Count Leads on 1,505 leads", () => {
  it("per status: 5 requests, exact counts that add up to every lead, unassigned ones included", async () => {
    expect(emu.store.leads.size).toBe(1505);
    expect(countWhere((lead) => lead.user_id === null)).toBeGreaterThan(200);
    const data = await run<Counts>("countLeads");
    expectSent(
      emu,
      STATUSES.map((status) => counted({ status })),
    );
    expect(data.total).toBe(1505);
    expect(data.byStatus).toEqual(
      Object.fromEntries(STATUSES.map((s) => [s, countWhere((lead) => lead.status === s)])),
    );
    expect(data.byStep).toBeNull();
    expect(schemaProblem("countLeads", data)).toBeUndefined();
  });

  it("the total only: 1 request", async () => {
    const data = await run<Counts>("countLeads", { groupBy: "none" });
    expectSent(emu, [counted()]);
    expect(data).toEqual({ total: 1505, byStatus: null, byStep: null });
  });

  it("per step: the total, the account's steps, then one request per step name", async () => {
    const data = await run<Counts>("countLeads", { groupBy: "step" });
    const names = stepNames();
    expectSent(emu, [
      counted(),
      { method: "GET", path: "/steps", query: {} },
      ...names.map((step) => counted({ step })),
    ]);
    const byName = (name: string) =>
      countWhere((lead) => emu.store.steps.get(lead.step_id)?.name === name);
    expect(data.byStep).toEqual(Object.fromEntries(names.map((name) => [name, byName(name)])));
    expect(data.total).toBe(1505);
  });

  it("filtered by owner, tag and dates, assigned leads only: the filters on every request", async () => {
    const data = await run<Counts>("countLeads", {
      groupBy: "statusAndStep",
      userId: "515",
      tags: ["q3"],
      startDate: "2000-01-01",
      endDate: "+1d",
      includeUnassigned: "false",
    });
    const endDate = emu.log[0]?.query.end_date ?? "";
    expect(Date.parse(endDate)).toBeGreaterThan(Date.now());
    const filters = { user_id: "515", tags: "q3", start_date: "2000-01-01", end_date: endDate };
    const only = (query: Record<string, string>) => ({
      method: "GET",
      path: "/leads",
      query: { ...filters, limit: "1", ...query },
    });
    const names = stepNames();
    expectSent(emu, [
      ...STATUSES.map((status) => only({ status })),
      { method: "GET", path: "/steps" },
      ...names.map((step) => only({ step })),
    ]);
    const mine = (lead: Lead) => lead.user_id === 515 && lead.tags.includes("q3");
    expect(data.total).toBe(countWhere(mine));
    expect(data.byStatus?.won).toBe(countWhere((lead) => mine(lead) && lead.status === "won"));
  });

  it("a malformed relative date or a Date Range Type without dates: refused with 0 requests", async () => {
    const date = await errorFrom("countLeads", { updatedAfter: "-3x" });
    expect(date).toMatchObject({ name: "InputError", input: "Updated After" });
    const range = await errorFrom("countLeads", { dateRangeType: "closed" });
    expect(range).toMatchObject({ name: "InputError", input: "Date Range Type" });
    expectSent(emu, []);
  });
});

describe("Count Leads never guesses", () => {
  let other: Emulator;
  let header: string | undefined;
  let page: unknown[] = [];
  beforeAll(async () => {
    other = await startEmulator();
    // A later registration wins: GET /leads answers the page and header the test sets.
    other.router.on("GET", "/leads", () => ({
      body: page,
      headers: header === undefined ? ({} as Record<string, string>) : { "X-TOTAL-COUNT": header },
    }));
  });
  afterAll(() => other.stop());

  it.each([
    [undefined, [{ id: 1 }], /no X-TOTAL-COUNT header/],
    ["many", [{ id: 1 }], /X-TOTAL-COUNT "many"/],
    ["0", [{ id: 1 }], /X-TOTAL-COUNT "0" does not fit the 1 lead/],
    ["12", [], /X-TOTAL-COUNT "12" does not fit the 0 lead/],
  ])("header %s with %j: an error, no count", async (value, leads, message) => {
    header = value;
    page = leads;
    other.clearLog();
    const error = await errorOf(actionRunner(other)("countLeads", { groupBy: "none" }));
    expect(error).toMatchObject({ name: "ApiError", code: "UNREADABLE_ANSWER" });
    expect(error.message).toMatch(message);
    expect(error.message).toContain("never guesses");
    expectSent(other, [counted()]);
  });
});
