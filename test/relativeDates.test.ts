/**
 * Relative dates through the built component: resolved when the step runs, in the connection's
 * time zone (UTC by default), before any request; a malformed one costs nothing.
 */
import { describe, expect, it } from "vitest";
import { actionRunner, apiKeyConnection, errorRunner, expectSent, useEmulator } from "./helpers";

const emu = useEmulator();
const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

/** YYYY-MM-DD of a UTC instant shifted by whole days. */
const utcDate = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("relative dates", () => {
  it("Updated After: yesterday is the start of yesterday (UTC)", async () => {
    await run("listLeads", { updatedAfter: "yesterday" });
    expectSent(emu, [
      {
        method: "GET",
        path: "/leads",
        query: { include_unassigned: "true", updated_after: `${utcDate(-1)}T00:00:00.000Z` },
      },
    ]);
  });

  it("Updated After: -24h is an instant 24 hours ago", async () => {
    const before = Date.now();
    await run("listLeads", { updatedAfter: "-24h" });
    const [request] = expectSent(emu, [
      {
        method: "GET",
        path: "/leads",
        query: {
          include_unassigned: "true",
          updated_after: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        },
      },
    ]);
    const sent = Date.parse(request?.query.updated_after ?? "");
    expect(sent).toBeGreaterThanOrEqual(before - 86_400_000 - 1000);
    expect(sent).toBeLessThanOrEqual(Date.now() - 86_400_000 + 1000);
  });

  it("Reminder Date: +3d is a calendar date in the connection's time zone", async () => {
    const connection = apiKeyConnection(emu);
    connection.fields.timeZone = "Pacific/Kiritimati"; // UTC+14: often a day ahead of UTC
    await run(
      "updateLead",
      { leadId: "8113", status: "standby", remindDate: "+3d", remindTime: "09:30" },
      connection,
    );
    const expected = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(
      Date.now() + 3 * 86_400_000,
    );
    expectSent(emu, [
      {
        method: "PUT",
        path: "/leads/8113",
        query: {},
        body: { status: "standby", remind_date: expected, remind_time: "09:30" },
      },
    ]);
  });

  it("a malformed relative date is refused with no request, naming the input", async () => {
    for (const value of ["+3x", "tomorow", "+-3d", "+99999999d"]) {
      const error = await errorFrom("listLeads", { updatedAfter: value });
      expect(error).toMatchObject({ name: "InputError", input: "Updated After" });
    }
    expectSent(emu, []);
  });

  it("an unknown Time Zone on the connection is refused with no request", async () => {
    const connection = apiKeyConnection(emu);
    connection.fields.timeZone = "Mars/Olympus";
    const error = await errorFrom("listLeads", { updatedAfter: "today" }, connection);
    expect(error).toMatchObject({ name: "InputError", input: "Time Zone" });
    expectSent(emu, []);
  });
});

describe("contact fields on lead outputs", () => {
  it("Get Lead and List Leads add contactFields and contact, with no extra request", async () => {
    const lead = emu.store.addLead({
      title: "Contact Co",
      user_id: 514,
      description: "Firstname: Ada\nLastname: Lovelace\nEmail: ada@contact.example\n---\nNotes.",
    });
    const one = (await run("getLead", { leadId: String(lead.id) }))?.data;
    const list = (await run("listLeads", { email: "ada@contact.example" }))?.data as unknown[];
    expectSent(emu, [
      { method: "GET", path: `/leads/${lead.id}`, query: {} },
      {
        method: "GET",
        path: "/leads",
        query: { email: "ada@contact.example", include_unassigned: "true" },
      },
    ]);
    for (const output of [one, list[0]]) {
      expect(output).toMatchObject({
        id: lead.id,
        contactFields: { Firstname: "Ada", Lastname: "Lovelace", Email: "ada@contact.example" },
        contact: { firstName: "Ada", lastName: "Lovelace", email: "ada@contact.example" },
      });
    }
  });
});
