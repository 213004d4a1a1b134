/**
 * "New or Updated Leads" options: new leads, updated leads or both, and the narrowing to a
 * status or a step a lead entered — told against what the trigger last saw of the lead, so an
 * amount change on a won lead is not "won" again. Changes go through the emulator's API (so
 * closing dates and histories are written as the live API writes them).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./emulator";
import type { Lead } from "./emulator/store";
import { expectSent } from "./helpers";
import { apiWrite, Poller, titles } from "./polling.support";

let emu: Emulator;

beforeEach(async () => {
  emu = await startEmulator();
});

afterEach(async () => {
  await emu.stop();
});

const createLead = async (title: string) =>
  (await apiWrite(emu, "POST", "/leads", { title, description: `About ${title}`, user_id: 514 }))
    .id as number;
const update = (id: number, body: Record<string, unknown>) =>
  apiWrite(emu, "PUT", `/leads/${id}`, body);

/**
 * Leads the first poll will not see (so the trigger does not know them): stamped in 2014, below
 * a page of 120 other leads stamped in 2015, also too old to be in any later look-back.
 */
function unknownLeads(fields: Array<Record<string, unknown> & { title: string }>) {
  const leads = fields.map((f, i) => {
    const lead = emu.store.addLead({ user_id: 514, ...f });
    lead.updated_at = new Date(Date.UTC(2014, 0, 1, 0, 0, i)).toISOString();
    lead.created_at = typeof f.created_at === "string" ? f.created_at : lead.updated_at;
    return lead;
  });
  emu.store.bulkLeads(120).forEach((lead, i) => {
    lead.updated_at = new Date(Date.UTC(2015, 0, 1, 0, 0, i)).toISOString();
  });
  return leads;
}

/** A GET of the lead's history of `type` since a date (what an unknown lead costs). */
const historyOf = (id: number, type: string) => ({
  method: "GET",
  path: `/leads/${id}/action_histories`,
  query: {
    action_type: type,
    from: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    direction: "desc",
    limit: "1",
  },
});

describe("Deliver: new leads, updated leads, or both", () => {
  it.each([
    ["all", ["Created"], ["Existing (renamed)"]],
    ["created", ["Created"], []],
    ["updated", [], ["Existing (renamed)"]],
  ])("%s", async (deliver, created, updated) => {
    const existing = await createLead("Existing");
    const poller = new Poller(emu, { deliver });
    await poller.poll();
    await createLead("Created");
    await update(existing, { title: "Existing (renamed)" });
    const got = await poller.poll();
    expect(titles(got.created)).toEqual(created);
    expect(titles(got.updated)).toEqual(updated);
  });

  it("an unknown value is refused before any request", async () => {
    emu.clearLog();
    await expect(new Poller(emu, { deliver: "sometimes" }).poll()).rejects.toThrow(/^Deliver: /);
    expectSent(emu, []);
  });
});

describe("Only When Status Changed To: won", () => {
  const won = () => new Poller(emu, { statusChangedTo: "won" });

  it("delivers a lead once when it is won, not again when only its amount changes", async () => {
    const id = await createLead("Deal");
    await update(id, { amount: 1000, probability: 50 });
    const poller = won();
    await poller.poll();

    await update(id, { status: "won" });
    const first = await poller.poll();
    expect(first.all.map((l) => l.id)).toEqual([id]);
    expect(first.all[0]?.change).toEqual({
      type: "updated",
      status: { from: "todo", to: "won" },
      step: null,
    });

    await update(id, { amount: 1500 });
    await update(id, { title: "Deal (signed)" });
    emu.clearLog();
    const again = await poller.poll();
    expect(again.all).toEqual([]);
    expectSent(emu, [{ method: "GET", path: "/leads" }]); // no history needed

    // Reopened and won again between two polls: its closing date moved, so it counts.
    await update(id, { status: "todo" });
    await update(id, { status: "won" });
    const rewon = await poller.poll();
    expect(rewon.all.map((l) => l.id)).toEqual([id]);
    expect(rewon.all[0]?.change.status).toEqual({ from: null, to: "won" });
  });

  it("a lead the trigger never saw: won now is delivered, won long ago is not (closing date, no request)", async () => {
    const [old, fresh] = unknownLeads([
      {
        title: "Won in 2014",
        status: "won",
        closed_at: "2014-01-01T00:00:00.000Z",
        created_at: "2013-12-01T10:00:00.000Z",
        amount: 100,
      },
      { title: "Old todo", created_at: "2013-12-01T10:00:00.000Z" },
    ]) as [Lead, Lead];
    const poller = won();
    await poller.poll();

    await update(old.id, { amount: 200 });
    await update(fresh.id, { status: "won" });
    emu.clearLog();
    const got = await poller.poll();
    expect(got.all.map((l) => l.id)).toEqual([fresh.id]);
    expect(got.all[0]?.change.status).toEqual({ from: null, to: "won" });
    expectSent(emu, [{ method: "GET", path: "/leads" }]);
  });

  it("a new lead created won counts as entering won; Deliver: updated leaves it out", async () => {
    const poller = won();
    const updatedOnly = new Poller(emu, { statusChangedTo: "won", deliver: "updated" });
    await poller.poll();
    await updatedOnly.poll();
    const lead = emu.store.addLead({ title: "Imported won", user_id: 514, status: "won" });
    lead.closed_at = lead.updated_at;
    expect((await poller.poll()).created.map((l) => l.id)).toEqual([lead.id]);
    expect((await updatedOnly.poll()).all).toEqual([]);
  });
});

describe("Only When Status Changed To: standby (no closing date)", () => {
  it("an unknown lead costs one history request: delivered when it changed, not when it did not", async () => {
    const [moved, already] = unknownLeads([
      { title: "Moved" },
      { title: "Already", status: "standby", remind_date: "2026-03-01" },
    ]) as [Lead, Lead];
    const poller = new Poller(emu, { statusChangedTo: "standby" });
    await poller.poll();

    await update(moved.id, { status: "standby", remind_date: "2026-03-02" });
    await update(already.id, { title: "Already (renamed)" });
    emu.clearLog();
    const got = await poller.poll();
    expect(got.all.map((l) => l.title)).toEqual(["Moved"]);
    expectSent(emu, [
      { method: "GET", path: "/leads" },
      historyOf(moved.id, "status_changed"),
      historyOf(already.id, "status_changed"),
    ]);

    // Now remembered: no more history requests for them.
    await update(already.id, { title: "Already (again)" });
    emu.clearLog();
    expect((await poller.poll()).all).toEqual([]);
    expectSent(emu, [{ method: "GET", path: "/leads" }]);
  });

  it("at most 10 history requests per poll; the rest with the next poll, none lost", async () => {
    const leads = unknownLeads(Array.from({ length: 14 }, (_, i) => ({ title: `Unknown ${i}` })));
    const poller = new Poller(emu, { statusChangedTo: "standby" });
    await poller.poll();
    for (const lead of leads)
      await update(lead.id, { status: "standby", remind_date: "2026-03-02" });

    emu.clearLog();
    const first = await poller.poll();
    expect(first.all).toHaveLength(10);
    expectSent(emu, [
      { method: "GET", path: "/leads" },
      ...leads.slice(0, 10).map((lead) => historyOf(lead.id, "status_changed")),
    ]);
    const second = await poller.poll();
    expect(second.all).toHaveLength(4);
    expect(new Set([...titles(first.all), ...titles(second.all)]).size).toBe(14);
    expect((await poller.poll()).all).toEqual([]);
  });
});

describe("Only When Moved To Step", () => {
  it("delivers a lead moved to the step, with the step it left; not other changes", async () => {
    const id = await createLead("Mover");
    const other = await createLead("Other");
    const poller = new Poller(emu, { movedToStep: "1191" });
    await poller.poll();

    await update(id, { step: 1191 });
    await update(other, { step: 1190 });
    const got = await poller.poll();
    expect(got.all.map((l) => l.id)).toEqual([id]);
    expect(got.all[0]?.change.step).toEqual({
      from: { id: 1189, name: "Incoming" },
      to: { id: 1191, name: "Closing" },
    });

    await update(id, { amount: 10 });
    expect((await poller.poll()).all).toEqual([]);
  });

  it("a lead the trigger never saw: its history tells (1 request); created in the step counts", async () => {
    const [unknown] = unknownLeads([{ title: "Unknown" }]) as [Lead];
    const poller = new Poller(emu, { movedToStep: "1191" });
    await poller.poll();

    await update(unknown.id, { step: 1191 });
    const born = emu.store.addLead({ title: "Born in Closing", user_id: 514, step_id: 1191 });
    emu.clearLog();
    const got = await poller.poll();
    expect(got.updated.map((l) => l.id)).toEqual([unknown.id]);
    expect(got.updated[0]?.change.step).toEqual({
      from: null,
      to: { id: 1191, name: "Closing" },
    });
    expect(got.created.map((l) => l.id)).toEqual([born.id]);
    expectSent(emu, [{ method: "GET", path: "/leads" }, historyOf(unknown.id, "step_changed")]);
  });

  it("with a status as well: a lead is delivered when either happened", async () => {
    const a = await createLead("A");
    const b = await createLead("B");
    const c = await createLead("C");
    const poller = new Poller(emu, { movedToStep: "1191", statusChangedTo: "lost" });
    await poller.poll();
    await update(a, { step: 1191 });
    await update(b, { status: "lost" });
    await update(c, { amount: 5 });
    expect(titles((await poller.poll()).all)).toEqual(["A", "B"]);
  });
});
