/**
 * Set Lead Reminder and List Upcoming Reminders through the built component: the request each
 * sends, relative dates in the connection's time zone, soonest first, and the refusals.
 */
import { describe, expect, it } from "vitest";
import {
  apiKeyConnection,
  dataRunner,
  errorRunner,
  expectSent,
  idsOf,
  useEmulator,
} from "./helpers";

const emu = useEmulator();
const run = dataRunner(emu);
const errorFrom = errorRunner(emu);

/** YYYY-MM-DD, `days` from now, in a time zone (UTC by default). */
const dayIn = (days: number, timeZone = "UTC") =>
  new Intl.DateTimeFormat("en-CA", { timeZone }).format(Date.now() + days * 86_400_000);

describe("Set Lead Reminder", () => {
  it("puts the lead in standby with its reminder: 1 request", async () => {
    const data = await run<{ status: string; remind_date: string }>("setLeadReminder", {
      leadId: "8113",
      date: "2030-01-02",
      time: "09:30",
      duration: "30",
      activity: "271",
      note: "Call about the quote",
    });
    expectSent(emu, [
      {
        method: "PUT",
        path: "/leads/8113",
        body: {
          status: "standby",
          remind_date: "2030-01-02",
          remind_time: "09:30",
          reminder_duration: 30,
          reminder_activity_id: 271,
          reminder_note: "Call about the quote",
        },
        status: 200,
      },
    ]);
    expect(data).toMatchObject({ status: "standby", remind_date: "2030-01-02" });
  });

  it("in 3 days at 9:30: +3d is a day in the connection's time zone", async () => {
    const connection = apiKeyConnection(emu);
    connection.fields.timeZone = "Pacific/Kiritimati";
    await run("setLeadReminder", { leadId: "8113", date: "+3d", time: "09:30" }, connection);
    expectSent(emu, [
      {
        method: "PUT",
        path: "/leads/8113",
        body: {
          status: "standby",
          remind_date: dayIn(3, "Pacific/Kiritimati"),
          remind_time: "09:30",
        },
      },
    ]);
  });

  it("an unassigned lead: the API's 400, with what to do first", async () => {
    const lead = emu.store.addLead({ title: "Nobody's" });
    const error = await errorFrom("setLeadReminder", { leadId: String(lead.id), date: "tomorrow" });
    expect(error).toMatchObject({ name: "ApiError", status: 400 });
    expect(error.message).toContain(`Lead ID: lead ${lead.id} belongs to nobody`);
    expect(error.message).toContain("Assign it first");
  });

  it.each([
    [{ time: "09:30" }, "Reminder Date"],
    [{ date: "tomorow" }, "Reminder Date"],
    [{ date: "2030-01-02", time: "9:10" }, "Reminder Time"],
    [{ date: "2030-01-02", duration: "25" }, "Reminder Duration"],
  ])("%j is refused with 0 requests (%s)", async (params, input) => {
    const error = await errorFrom("setLeadReminder", { leadId: "8113", ...params });
    expect(error).toMatchObject({ name: "InputError", input });
    expectSent(emu, []);
  });
});

/** The one request of List Upcoming Reminders for a range, with the other filters given. */
const remindersIn = (from: string, to: string, filters: Record<string, string>) => ({
  method: "GET",
  path: "/leads",
  query: {
    status: "standby",
    date_range_type: "next_action",
    start_date: from,
    end_date: to,
    order: "next_action",
    direction: "asc",
    limit: "1000",
    offset: "0",
    ...filters,
  },
});

describe("List Upcoming Reminders", () => {
  it("standby leads with a reminder from today to 7 days from now, soonest first, unassigned ones included", async () => {
    const reminder = (title: string, days: number, time: string, fields = {}) =>
      emu.store.addLead({
        title,
        user_id: 514,
        status: "standby",
        remind_date: dayIn(days),
        remind_time: time,
        ...fields,
      });
    // Lead 8113's reminder, moved by the tests above, goes back to its seeded 2014 date.
    Object.assign(emu.store.leads.get(8113) ?? {}, { remind_date: "2014-03-12" });
    const later = reminder("In 2 days", 2, "10:00");
    const sooner = reminder("Tomorrow", 1, "15:00");
    const unassigned = reminder("Nobody's, in 3 days", 3, "08:00", { user_id: null });
    const today = reminder("Today", 0, "23:45");
    reminder("Too far", 10, "09:00");
    reminder("Not standby", 1, "09:00", { status: "todo" });
    const data = await run<Array<{ id: number }>>("listReminders");
    expectSent(emu, [remindersIn(dayIn(0), dayIn(7), { include_unassigned: "true" })]);
    expect(idsOf(data)).toEqual([today.id, sooner.id, later.id, unassigned.id]);
  });

  it("a range and an owner: sent as given", async () => {
    await run("listReminders", {
      from: "2030-01-01",
      to: "2030-01-31",
      userId: "515",
      includeUnassigned: "false",
    });
    expectSent(emu, [remindersIn("2030-01-01", "2030-01-31", { user_id: "515" })]);
  });

  it("From after To is refused with 0 requests", async () => {
    const error = await errorFrom("listReminders", { from: "+3d", to: "today" });
    expect(error).toMatchObject({ name: "InputError" });
    expect(error.message).toMatch(/From|To/);
    expectSent(emu, []);
  });
});
