/**
 * "New or Updated Leads" (polling) through the harness on the built component, against the
 * emulator's GET /leads: what each poll sends and delivers, in the common cases. Each poll gets
 * the state the previous one left, as the platform keeps it (test/polling.support.ts).
 * Delivery guarantees under races, bulk imports and clock steps: polling.guarantees.test.ts;
 * the options: polling.options.test.ts; randomised runs: polling.random.test.ts.
 */
import { describe, expect, it } from "vitest";
import { freshBundle } from "./bundle";
import { component, expectSent, loginConnection, useEmulator } from "./helpers";
import { apiWrite, iso, newestSec, Poller, TRIGGER, titles } from "./polling.support";

const emu = useEmulator();

const NEWEST_FIRST = {
  method: "GET",
  path: "/leads",
  query: { include_unassigned: "true", order: "last_update", direction: "desc", limit: "100" },
};

/** A page of the changes since `from` (epoch seconds), oldest first. */
const since = (from: number, offset = 0) => ({
  method: "GET",
  path: "/leads",
  query: {
    include_unassigned: "true",
    updated_after: iso(from),
    order: "last_update",
    direction: "asc",
    limit: "100",
    offset: String(offset),
  },
});

/** The look-back each poll reads again: 10 minutes before the newest change read. */
const LOOK_BACK = 600;

describe("New or Updated Leads", () => {
  const poller = new Poller(emu);

  it("says what polling costs in its description", () => {
    const { description } = component.triggers[TRIGGER]?.display ?? { description: "" };
    expect(description).toMatch(/every minute spends 1440 of the account's 2000 daily requests/);
    expect(description).toMatch(/every 5 minutes 288, every 15 minutes 96/);
    expect(description).toMatch(/Pro Pipe Lines Events trigger spends none/);
  });

  it("first poll: one request for the newest changes, nothing delivered", async () => {
    const first = await poller.poll();
    expectSent(emu, [NEWEST_FIRST]);
    expect(first.result.resultType).toBe("polled_no_changes");
    expect(first.all).toEqual([]);
  });

  it("idle poll: exactly one request, nothing delivered", async () => {
    for (let i = 0; i < 3; i++) {
      emu.clearLog();
      const idle = await poller.poll();
      expectSent(emu, [NEWEST_FIRST]);
      expect(idle.result.resultType).toBe("polled_no_changes");
    }
  });

  it("after 3 creates and 2 updates: 3 created and 2 updated, in one request, with contacts", async () => {
    for (const title of ["Alpha", "Bravo", "Charlie"]) {
      await apiWrite(emu, "POST", "/leads", {
        title,
        description: `Firstname: ${title}\nEmail: ${title.toLowerCase()}@example.com`,
      });
    }
    await apiWrite(emu, "PUT", "/leads/8113", { title: "Loretta Inc. (renewal)" });
    await apiWrite(emu, "PUT", "/leads/8112", { title: "Acme Corp (upsell)" });
    emu.clearLog();

    const next = await poller.poll();
    expectSent(emu, [NEWEST_FIRST]);
    expect(next.result.resultType).toBe("completed");
    expect(titles(next.created)).toEqual(["Alpha", "Bravo", "Charlie"]);
    expect(titles(next.updated)).toEqual(["Acme Corp (upsell)", "Loretta Inc. (renewal)"]);
    const alpha = next.created.find((l) => l.title === "Alpha");
    expect(alpha?.contact).toMatchObject({ firstName: "Alpha", email: "alpha@example.com" });
    expect(alpha?.contactFields).toMatchObject({ Firstname: "Alpha" });
    expect(alpha?.change).toEqual({
      type: "created",
      status: { from: null, to: "todo" },
      step: { from: null, to: { id: 1189, name: "Incoming" } },
    });
    // A title change: the lead was seen before, its status and step did not change.
    expect(next.updated.find((l) => l.id === 8113)?.change).toEqual({
      type: "updated",
      status: null,
      step: null,
    });
  });

  it("the next poll delivers none of them again", async () => {
    emu.clearLog();
    const again = await poller.poll();
    expectSent(emu, [NEWEST_FIRST]);
    expect(again.all).toEqual([]);
  });

  it("a second change to a lead within the same second is delivered, once", async () => {
    emu.clock.freeze();
    try {
      await apiWrite(emu, "PUT", "/leads/8113", { title: "Loretta (first)" });
      const first = await poller.poll();
      expect(titles(first.updated)).toEqual(["Loretta (first)"]);
      // Same second: the stamp is the one already delivered, the content is not.
      await apiWrite(emu, "PUT", "/leads/8113", { title: "Loretta (second)" });
      const second = await poller.poll();
      expect(titles(second.updated)).toEqual(["Loretta (second)"]);
      expect(second.updated[0]?.updated_at).toBe(first.updated[0]?.updated_at);
      emu.clearLog();
      expect((await poller.poll()).all).toEqual([]);
      expectSent(emu, [NEWEST_FIRST]);
    } finally {
      emu.clock.unfreeze();
    }
  });

  it("more changes than a page: the newest page, then the changes since the look-back, oldest first", async () => {
    const mark = newestSec(emu);
    emu.store.bulkLeads(150, { title: (n) => `Bulk ${n}` });
    emu.clearLog();

    const firstPart = await poller.poll({ maxLeads: "120" });
    // The newest page does not reach back to the look-back: page from there, oldest first. The
    // first page also reads again the changes of the tests above (known: not delivered); the
    // second starts at the last stamp read.
    const listed = [...emu.store.leads.values()]
      .filter((l) => Date.parse(l.updated_at) / 1000 >= mark - LOOK_BACK)
      .sort((a, b) => a.updated_at.localeCompare(b.updated_at));
    const lastOfPage = Date.parse(listed[99]?.updated_at ?? "") / 1000;
    expectSent(emu, [NEWEST_FIRST, since(mark - LOOK_BACK), since(lastOfPage)]);
    expect(firstPart.created).toHaveLength(120);

    emu.clearLog();
    const rest = await poller.poll({ maxLeads: "120" });
    expect(rest.created).toHaveLength(30);
    const all = new Set([...titles(firstPart.created), ...titles(rest.created)]);
    expect(all.size).toBe(150);
    expect([...all].every((t) => t.startsWith("Bulk "))).toBe(true);
  });

  it("Start From: the first poll delivers the leads updated since that date", async () => {
    const from = new Poller(emu);
    emu.clearLog();
    const got = await from.poll({ startFrom: "2026-01-01T00:00:00.000Z" });
    // More than a page changed since then: the second page starts at the first's last stamp.
    const start = Date.parse("2026-01-01T00:00:00.000Z") / 1000;
    const listed = [...emu.store.leads.values()]
      .filter((l) => Date.parse(l.updated_at) / 1000 >= start)
      .sort((a, b) => a.updated_at.localeCompare(b.updated_at));
    expect(listed.length).toBeGreaterThan(100);
    const lastOfPage = Date.parse(listed[99]?.updated_at ?? "") / 1000;
    expectSent(emu, [NEWEST_FIRST, since(start), since(lastOfPage)]);
    expect(titles(got.updated)).toEqual(
      expect.arrayContaining(["Acme Corp (upsell)", "Loretta (second)"]),
    );
    expect(titles(got.created)).toEqual(expect.arrayContaining(["Alpha", "Bulk 150"]));
  });

  it("Include Unassigned Leads off: the parameter is not sent", async () => {
    emu.clearLog();
    await new Poller(emu).poll({ includeUnassigned: "false" });
    const { include_unassigned: _, ...query } = NEWEST_FIRST.query;
    expectSent(emu, [{ method: "GET", path: "/leads", query }]);
  });

  it("a bad Maximum Leads per Poll is refused before any request", async () => {
    emu.clearLog();
    await expect(poller.poll({ maxLeads: "lots" })).rejects.toThrow(
      /^Maximum Leads per Poll: "lots" is not a whole number/,
    );
    expectSent(emu, []);
  });

  it("a User Login connection: an idle poll is one request in every new process (token kept in the state)", async () => {
    const login = new Poller(emu, { connection: loginConnection(emu) });
    emu.clearLog();
    await login.poll({}, { fresh: true });
    expectSent(emu, [
      { method: "GET", path: "/auth/login" },
      { ...NEWEST_FIRST, headers: { "x-user-token": expect.stringMatching(/^tok-/) } },
    ]);
    for (let i = 0; i < 3; i++) {
      emu.clearLog();
      const idle = await login.poll({}, { fresh: true });
      expect(idle.all).toEqual([]);
      expectSent(emu, [NEWEST_FIRST]);
    }
    // Sanity: a fresh process is a new module instance.
    expect(freshBundle().component).not.toBe(component);
  });
});
