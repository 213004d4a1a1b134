/**
 * Leads through the harness on the built component: the exact request of each lead action
 * (method, path, query, body) and what comes back from the emulator.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_API_KEY } from "./emulator";
import {
  dataRunner,
  errorRunner,
  expectSent,
  harness,
  loginConnection,
  useEmulator,
} from "./helpers";

const emu = useEmulator();

beforeEach(() => {
  emu.edition = "dreamteam";
});

const run = dataRunner(emu);
const errorFrom = errorRunner(emu);

/** The connection's API key header, which every request of these tests carries. */
const KEY = { "x-api-key": DEFAULT_API_KEY };

const newLead = (title: string, fields: Record<string, unknown> = {}) =>
  emu.store.addLead({ title, user_id: 514, ...fields });

describe("List Leads", () => {
  it("sends every filter in the API's names, lists comma-separated", async () => {
    const match = newLead("Filter match", {
      status: "won",
      step_id: 1190,
      starred: true,
      tags: ["vip", "US"],
      description: "Firstname: Ann\nEmail: ann@filter.example\nPhone: 555 0101",
    });
    newLead("Filter miss", { status: "won", step_id: 1190, tags: ["vip"] });
    const data = await run("listLeads", {
      direction: "asc",
      order: "last_update",
      limit: "50",
      offset: "0",
      status: ["won", "lost"],
      stepNames: ["In-touch", "Closing"],
      starred: "true",
      userId: "stef@example.com",
      email: "ann@filter.example",
      fieldKey: "Phone",
      fieldValue: "555 0101",
      tags: ["vip", "US"],
      updatedAfter: "2026-01-01T00:00:00.000Z",
      startDate: "2026-01-01",
      endDate: "2030-12-31 23:59:59",
      dateRangeType: "creation",
      includeUnassigned: "false",
    });
    expectSent(emu, [
      {
        method: "GET",
        path: "/leads",
        headers: KEY,
        status: 200,
        query: {
          direction: "asc",
          order: "last_update",
          limit: "50",
          offset: "0",
          status: "won,lost",
          step: "In-touch,Closing",
          starred: "true",
          user_id: "stef@example.com",
          email: "ann@filter.example",
          field_key: "Phone",
          field_value: "555 0101",
          tags: "vip,US",
          updated_after: "2026-01-01T00:00:00.000Z",
          start_date: "2026-01-01",
          end_date: "2030-12-31 23:59:59",
          date_range_type: "creation",
        },
      },
    ]);
    expect((data as Array<{ id: number }>).map((l) => l.id)).toEqual([match.id]);
  });

  it("sends only include_unassigned when no filter is filled: unassigned leads are listed by default", async () => {
    const data = (await run("listLeads")) as Array<{ user_id: unknown }>;
    expectSent(emu, [
      { method: "GET", path: "/leads", headers: KEY, query: { include_unassigned: "true" } },
    ]);
    expect(data.length).toBeGreaterThanOrEqual(2);
    expect(data.some((lead) => lead.user_id === null)).toBe(true);
  });

  it("returns leads updated at or after a time, oldest update first (the polling query)", async () => {
    const first = newLead("Poll A");
    const second = newLead("Poll B");
    const data = await run("listLeads", {
      updatedAfter: first.updated_at,
      order: "last_update",
      direction: "asc",
    });
    const ids = (data as Array<{ id: number }>).map((l) => l.id);
    expect(ids.slice(0, 2)).toEqual([first.id, second.id]);
    expectSent(emu, [
      {
        method: "GET",
        path: "/leads",
        headers: KEY,
        query: {
          updated_after: first.updated_at,
          order: "last_update",
          direction: "asc",
          include_unassigned: "true",
        },
      },
    ]);
  });
});

describe("List Unassigned Leads", () => {
  it("GET /leads/unassigned with the limit, answering only unassigned leads", async () => {
    const data = (await run("listUnassignedLeads", { limit: "5" })) as Array<{ user_id: unknown }>;
    expectSent(emu, [
      { method: "GET", path: "/leads/unassigned", headers: KEY, query: { limit: "5" } },
    ]);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((lead) => lead.user_id === null)).toBe(true);
  });
});

describe("Get Lead", () => {
  it("GET /leads/{id}", async () => {
    const data = await run("getLead", { leadId: "8113" });
    expectSent(emu, [{ method: "GET", path: "/leads/8113", headers: KEY, query: {} }]);
    expect(data).toMatchObject({ id: 8113, title: "Loretta Inc.", step: "Incoming" });
  });

  it("turns a 404 into an ApiError with the API's message", async () => {
    const error = await errorFrom("getLead", { leadId: "999999" });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ApiError");
    expect(error.status).toBe(404);
    expect(error.message).toContain("Entry not found");
    expectSent(emu, [{ method: "GET", path: "/leads/999999", status: 404 }]);
  });
});

describe("Create Lead", () => {
  it("writes the contact fields as 'Field: value' lines above the free description", async () => {
    const data = await run("createLead", {
      title: "Awesome Company",
      description: "Met John at the fair.",
      contactFields: [
        { key: "Firstname", value: "John" },
        { key: "Lastname", value: "Doe" },
        { key: "Email", value: "john.doe@company.com" },
        { key: "Phone", value: "" },
        { key: "Address", value: "1 Main St\nSpringfield" },
      ],
      tags: ["prospect", "google"],
      userId: "stef@example.com",
      createdAt: "2026-01-10 09:30:00",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads",
        headers: { ...KEY, "content-type": expect.stringContaining("application/json") },
        body: {
          title: "Awesome Company",
          description:
            "Firstname: John\nLastname: Doe\nEmail: john.doe@company.com\nAddress: 1 Main St Springfield\n---\nMet John at the fair.",
          tags: ["prospect", "google"],
          user_id: "stef@example.com",
          created_at: "2026-01-10 09:30:00",
        },
        status: 201,
      },
    ]);
    expect(data).toMatchObject({
      title: "Awesome Company",
      user_id: 514,
      tags: ["prospect", "google"],
    });
  });

  it("sends the description as typed when there are no contact fields, and nothing unfilled", async () => {
    await run("createLead", { title: "Plain", description: "Just text" });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads",
        headers: KEY,
        body: { title: "Plain", description: "Just text" },
      },
    ]);
  });

  it("builds the description from the contact fields alone", async () => {
    await run("createLead", { title: "Fields only", contactFields: { Firstname: "Ann" } });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads",
        headers: KEY,
        body: { title: "Fields only", description: "Firstname: Ann" },
      },
    ]);
  });
});

describe("Update Lead", () => {
  it("sends only the filled inputs, with the API's names and types", async () => {
    const lead = newLead("To update");
    const data = await run("updateLead", {
      leadId: String(lead.id),
      status: "standby",
      remindDate: "2026-03-12",
      remindTime: "09:45",
      reminderDuration: "30",
      reminderActivityId: "3",
      reminderNote: "Call back",
      amount: "1562.89",
      probability: "85",
      starred: "true",
      stepId: "1190",
      tags: ["hot"],
      estimatedClosingDate: "2026-04-01",
    });
    expectSent(emu, [
      {
        method: "PUT",
        path: `/leads/${lead.id}`,
        headers: KEY,
        body: {
          status: "standby",
          remind_date: "2026-03-12",
          remind_time: "09:45",
          reminder_duration: 30,
          reminder_activity_id: 3,
          reminder_note: "Call back",
          amount: 1562.89,
          probability: 85,
          starred: true,
          step: 1190,
          tags: ["hot"],
          estimated_closing_date: "2026-04-01",
        },
        status: 200,
      },
    ]);
    expect(data).toMatchObject({ status: "standby", step: "In-touch", amount: 1562.89 });
  });

  it("moves a lead by step name", async () => {
    const lead = newLead("By step name");
    const data = await run("updateLead", { leadId: String(lead.id), stepName: "Closing" });
    expectSent(emu, [
      { method: "PUT", path: `/leads/${lead.id}`, headers: KEY, body: { step: "Closing" } },
    ]);
    expect(data).toMatchObject({ step: "Closing", step_id: 1191 });
  });

  it("changes title, description, owner and creation date", async () => {
    const lead = newLead("Old title");
    await run("updateLead", {
      leadId: String(lead.id),
      title: "New title",
      description: "Email: new@example.com",
      userId: "515",
      createdAt: "2025-12-01T10:00:00.000Z",
    });
    expectSent(emu, [
      {
        method: "PUT",
        path: `/leads/${lead.id}`,
        headers: KEY,
        body: {
          title: "New title",
          description: "Email: new@example.com",
          user_id: 515,
          created_at: "2025-12-01T10:00:00.000Z",
        },
      },
    ]);
    expect(emu.store.leads.get(lead.id)).toMatchObject({ title: "New title", user_id: 515 });
  });
});

describe("Assign Lead", () => {
  it("POST /leads/{id}/assign with user_id", async () => {
    const lead = emu.store.addLead({ title: "Nobody's" });
    const data = await run("assignLead", {
      leadId: String(lead.id),
      user: "john.doe@mycompany.com",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: `/leads/${lead.id}/assign`,
        headers: KEY,
        body: { user_id: "john.doe@mycompany.com" },
      },
    ]);
    expect(data).toMatchObject({ id: lead.id, user_id: 515 });
  });
});

describe("Add Lead to Client Folder", () => {
  it("POST /leads/{id}/add_to_client with client_id", async () => {
    const data = await run("addLeadToClientFolder", { leadId: "8112", clientFolderId: "12" });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads/8112/add_to_client",
        headers: KEY,
        body: { client_id: 12 },
      },
    ]);
    expect(data).toMatchObject({ id: 8112, client_folder_id: 12 });
  });
});

describe("Get Lead Business Card", () => {
  it("GET /leads/{id}/business_card answers a URL", async () => {
    const data = await run("getLeadBusinessCard", { leadId: "8113" });
    expectSent(emu, [{ method: "GET", path: "/leads/8113/business_card", headers: KEY }]);
    expect(data).toEqual({ url: expect.stringContaining("412") });
  });
});

describe("List Lead Duplicates", () => {
  it("GET /leads/{lead_id}/duplicates with what matched", async () => {
    const twin = newLead("Loretta Inc.", { description: "Email: natalia.bawer@loretta-inc.com" });
    const data = (await run("listLeadDuplicates", { leadId: "8113" })) as Array<{
      lead: { id: number };
      matches: string[][];
    }>;
    expectSent(emu, [{ method: "GET", path: "/leads/8113/duplicates", headers: KEY }]);
    expect(data.find((d) => d.lead.id === twin.id)?.matches).toEqual([
      ["title", "Loretta Inc."],
      ["email", "natalia.bawer@loretta-inc.com"],
    ]);
  });
});

describe("Delete Lead", () => {
  it("DELETE /leads/{id}", async () => {
    const lead = newLead("Doomed");
    const data = await run("deleteLead", { leadId: String(lead.id) });
    expectSent(emu, [{ method: "DELETE", path: `/leads/${lead.id}`, headers: KEY }]);
    expect(data).toEqual({ id: lead.id });
    expect(emu.store.leads.has(lead.id)).toBe(false);
  });
});

describe("Delete Leads (multiple)", () => {
  it("sends the ids comma-separated and splits deleted from not deleted", async () => {
    const a = newLead("Bulk A");
    const b = newLead("Bulk B");
    const data = await run("deleteLeads", {
      ids: [String(a.id), String(b.id), "999999", String(a.id)],
    });
    expectSent(emu, [
      {
        method: "DELETE",
        path: "/leads/delete_multiple",
        headers: KEY,
        body: { ids: `${a.id},${b.id},999999` },
      },
    ]);
    expect(data).toEqual({ deleted: [a.id, b.id], notDeleted: [999999] });
    expect(emu.store.leads.has(a.id) || emu.store.leads.has(b.id)).toBe(false);
  });

  it("never reports a lead the user had no right to delete as deleted", async () => {
    const own = emu.store.addLead({ title: "John's", user_id: 515 });
    const other = newLead("Stéphanie's");
    const connection = loginConnection(emu, "john.doe@mycompany.com");
    const result = await harness.action("deleteLeads", {
      connection,
      ids: `${own.id},${other.id}`,
    });
    expect(result?.data).toEqual({ deleted: [own.id], notDeleted: [other.id] });
    expectSent(emu, [
      { method: "GET", path: "/auth/login" },
      {
        method: "DELETE",
        path: "/leads/delete_multiple",
        headers: { "x-user-token": expect.stringMatching(/^tok-/), "x-api-key": undefined },
        body: { ids: `${own.id},${other.id}` },
      },
    ]);
    expect(emu.store.leads.has(other.id)).toBe(true);
  });
});

describe("Send Email From Template", () => {
  it("POST /leads/{lead_id}/emails/send_email_from_template with email_template_id", async () => {
    const data = await run("sendEmailFromTemplate", { leadId: "8113", emailTemplateId: "10" });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads/8113/emails/send_email_from_template",
        headers: KEY,
        body: { email_template_id: 10 },
      },
    ]);
    expect(data).toEqual({ message: "Sending email..." });
  });

  it("explains that a 403 means the Dreamteam edition is needed", async () => {
    emu.edition = "expert";
    const error = await errorFrom("sendEmailFromTemplate", {
      leadId: "8113",
      emailTemplateId: "10",
    });
    expectSent(emu, [
      { method: "POST", path: "/leads/8113/emails/send_email_from_template", status: 403 },
    ]);
    expect(error.name).toBe("ApiError");
    expect(error.status).toBe(403);
    expect(error.hint).toMatch(/Dreamteam edition/);
    expect(error.message).toContain("Cannot access this feature.");
    expect(error.message).toMatch(/Dreamteam edition/);
  });
});

describe("round trip", () => {
  it("create → update (step, amount) → comment → get", async () => {
    const created = (await run("createLead", {
      title: "Round Trip Ltd",
      contactFields: { Firstname: "Rita", Email: "rita@roundtrip.example" },
      userId: "514",
    })) as { id: number };
    await run("updateLead", {
      leadId: String(created.id),
      stepName: "In-touch",
      amount: "2000",
      probability: "40",
    });
    const comment = (await run("createLeadComment", {
      leadId: String(created.id),
      content: "Sent the quote.",
    })) as { id: number };
    const lead = await run("getLead", { leadId: String(created.id) });
    expectSent(emu, [
      { method: "POST", path: "/leads" },
      { method: "PUT", path: `/leads/${created.id}` },
      { method: "POST", path: `/leads/${created.id}/comments` },
      { method: "GET", path: `/leads/${created.id}` },
    ]);
    expect(lead).toMatchObject({
      id: created.id,
      title: "Round Trip Ltd",
      contactFields: { Firstname: "Rita", Email: "rita@roundtrip.example" },
      contact: expect.objectContaining({ firstName: "Rita", email: "rita@roundtrip.example" }),
      step: "In-touch",
      amount: 2000,
      probability: 40,
      user_id: 514,
    });
    const comments = (await run("listLeadComments", { leadId: String(created.id) })) as Array<{
      id: number;
      content: string;
    }>;
    expect(comments).toEqual([
      expect.objectContaining({ id: comment.id, content: "Sent the quote." }),
    ]);
  });
});

describe("emulator: lead events and the document's refusals", () => {
  it("emits the base lead events for each kind of change", async () => {
    const seen: Array<[string, number]> = [];
    const listener = (name: string, data: { id: number }) => seen.push([name, data.id]);
    emu.events.on("event", listener);
    try {
      const lead = (await run("createLead", { title: "Evented", description: "a" })) as {
        id: number;
      };
      await run("assignLead", { leadId: String(lead.id), user: "514" });
      await run("updateLead", {
        leadId: String(lead.id),
        status: "won",
        stepId: "1191",
        description: "b",
      });
      await run("createLeadComment", { leadId: String(lead.id), content: "c" });
      await run("deleteLead", { leadId: String(lead.id) });
      expect(seen).toEqual([
        ["lead.creation", lead.id],
        ["lead.assigned", lead.id],
        ["lead.step.changed", lead.id],
        ["lead.status.changed", lead.id],
        ["lead.content_has_changed", lead.id],
        ["lead.commented", lead.id],
        ["lead.deleted", lead.id],
      ]);
    } finally {
      emu.events.off("event", listener);
    }
  });

  it.each([
    [
      { status: "standby" },
      "Missing parameter: remind_at is required when status is changed to standby",
    ],
    [{ probability: 50 }, "A probability cannot be set without an amount"],
    [{ remind_date: "2026-03-12", remind_time: "09:10" }, "Date format invalid for remind_date"],
    [{ status: "paused" }, "Parameter status not recognized."],
  ])("PUT /leads/{id} %j answers 400: %s", async (body, message) => {
    const lead = newLead("Raw", { amount: null });
    const error = await errorFrom("rawRequest", {
      method: "PUT",
      path: `/leads/${lead.id}`,
      body: JSON.stringify(body),
    });
    expect(error.status).toBe(400);
    expect(error.message).toContain(message);
  });

  it("updates updated_at from the store's clock on every change", async () => {
    const lead = newLead("Clock");
    const before = lead.updated_at;
    await run("updateLead", { leadId: String(lead.id), title: "Clock 2" });
    expect(Date.parse(emu.store.leads.get(lead.id)?.updated_at ?? "")).toBeGreaterThan(
      Date.parse(before),
    );
  });
});
