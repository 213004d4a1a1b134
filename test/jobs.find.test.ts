/**
 * Find Leads through the built component: exact matches on the contact fields (or the title),
 * unassigned leads included by default, mentions in comments or notes never matched, and the
 * requests each search costs.
 */
import { describe, expect, it } from "vitest";
import { dataRunner, errorRunner, expectSent, idsOf, useEmulator } from "./helpers";
import { schemaProblem } from "./schemas";

const emu = useEmulator();
const run = dataRunner(emu);
const errorFrom = errorRunner(emu);

interface Found {
  found: boolean;
  count: number;
  lead: { id: number; contactFields: Record<string, string>; contact: { email: string } } | null;
  leads: Array<{ id: number }>;
}

/** The one request of a search: GET /leads, its first large page, unassigned leads included. */
const search = (query: Record<string, string> = {}) => ({
  method: "GET",
  path: "/leads",
  query: { include_unassigned: "true", limit: "1000", offset: "0", ...query },
});

describe("Find Leads by email", () => {
  it("finds an unassigned lead with the default inputs, in 1 request", async () => {
    const lead = emu.store.addLead({
      title: "Unassigned Form Lead",
      description: "Firstname: Ann\nEmail: Ann.Lee@find.example\n---\nFrom the web form.",
    });
    expect(lead.user_id).toBeNull();
    const data = await run<Found>("findLeads", { email: "ann.lee@FIND.example" });
    expectSent(emu, [search({ email: "ann.lee@FIND.example" })]);
    expect(data).toMatchObject({ found: true, count: 1, lead: { id: lead.id } });
    expect(data.lead?.contactFields).toEqual({ Firstname: "Ann", Email: "Ann.Lee@find.example" });
    expect(data.lead?.contact.email).toBe("Ann.Lee@find.example");
    expect(idsOf(data.leads)).toEqual([lead.id]);
    expect(schemaProblem("findLeads", data)).toBeUndefined();
  });

  it("does not match a lead that only mentions the email in a comment or in the notes", async () => {
    const inNotes = emu.store.addLead({
      title: "Mentions in notes",
      user_id: 514,
      description: "Firstname: Carl\nEmail: carl@other.example\n---\nCc bob@mention.example.",
    });
    const inComment = emu.store.addLead({
      title: "Mentions in a comment",
      description: "Firstname: Dora\nEmail: dora@other.example",
    });
    await run("createLeadComment", {
      leadId: String(inComment.id),
      content: "Bob (bob@mention.example) called about this one.",
    });
    emu.clearLog();

    const none = await run<Found>("findLeads", { email: "bob@mention.example" });
    // The API's email filter answers both leads; neither has it as its contact email.
    expectSent(emu, [search({ email: "bob@mention.example" })]);
    expect(none).toEqual({ found: false, count: 0, lead: null, leads: [] });
    expect(schemaProblem("findLeads", none)).toBeUndefined();

    const bob = emu.store.addLead({
      title: "Bob's company",
      description: "Firstname: Bob\nEmail: bob@mention.example",
    });
    const one = await run<Found>("findLeads", { email: "bob@mention.example" });
    expect(idsOf(one.leads)).toEqual([bob.id]);
    expect(idsOf(one.leads)).not.toContain(inNotes.id);
  });

  it("matches an HTML description's Email line, and the most recently updated lead comes first", async () => {
    const older = emu.store.addLead({
      title: "Older",
      user_id: 515,
      description: "Prénom : Eve<br />E-mail : eve@html.example<br />---<p>Notes</p>",
    });
    const newer = emu.store.addLead({
      title: "Newer",
      description: "Email: EVE@html.example \nPhone: 555 0100",
    });
    const data = await run<Found>("findLeads", { email: "eve@html.example" });
    expect(data.count).toBe(2);
    expect(data.lead?.id).toBe(newer.id);
    expect(idsOf(data.leads)).toEqual([newer.id, older.id]);
  });

  it("leaves unassigned leads out when Include Unassigned is off", async () => {
    emu.store.addLead({ title: "Nobody's", description: "Email: solo@find.example" });
    const data = await run<Found>("findLeads", {
      email: "solo@find.example",
      includeUnassigned: "false",
    });
    expectSent(emu, [
      {
        method: "GET",
        path: "/leads",
        query: { email: "solo@find.example", limit: "1000", offset: "0" },
      },
    ]);
    expect(data.found).toBe(false);
  });
});

describe("Find Leads by phone, field or title", () => {
  it("by phone: the Phone line equals the number (spaces inside count), reading every lead", async () => {
    const lead = emu.store.addLead({
      title: "Phone Co",
      description:
        "Firstname: Pat\nTel : +1 801 555 0142\n---\nMobile: +1 801 555 0142 in the notes",
    });
    emu.store.addLead({ title: "No spaces", description: "Phone: +18015550142" });
    const data = await run<Found>("findLeads", { phone: " +1 801 555 0142 " });
    expectSent(emu, [search()]);
    expect(idsOf(data.leads)).toEqual([lead.id]);
  });

  it("by a named field: only that contact line, ignoring case and surrounding spaces", async () => {
    const lead = emu.store.addLead({
      title: "Customer 42",
      description: "Customer ID: c-0042\nEmail: c42@find.example",
    });
    emu.store.addLead({
      title: "Mentions it",
      description: "Email: other@find.example\n---\nCustomer ID: C-0042 (old account)",
    });
    const data = await run<Found>("findLeads", { fieldName: "customer id", fieldValue: "C-0042 " });
    expect(idsOf(data.leads)).toEqual([lead.id]);
  });

  it("by a named field set as a duplicate key: the API narrows it (field_key, field_value)", async () => {
    const lead = emu.store.addLead({ title: "Keyed", description: "Customer ID: K-7\n" });
    const data = await run<Found>("findLeads", {
      fieldName: "Customer ID",
      fieldValue: "K-7",
      fieldIsKey: "true",
    });
    expectSent(emu, [search({ field_key: "Customer ID", field_value: "K-7" })]);
    expect(idsOf(data.leads)).toEqual([lead.id]);
  });

  it("by title, combined with an email: every criterion must hold", async () => {
    const lead = emu.store.addLead({
      title: "  Acme Widgets ",
      description: "Email: w@acme.example",
    });
    emu.store.addLead({ title: "Acme Widgets", description: "Email: other@acme.example" });
    const byTitle = await run<Found>("findLeads", { title: "acme widgets" });
    expect(byTitle.count).toBe(2);
    const both = await run<Found>("findLeads", { title: "ACME WIDGETS", email: "w@acme.example" });
    expect(idsOf(both.leads)).toEqual([lead.id]);
  });

  it("on an account of 1,505 leads, a phone search costs one request per 1000 leads", async () => {
    emu.settings.limitCaps["/leads"] = null;
    try {
      const before = emu.store.leads.size;
      emu.bulkCreateLeads(1505 - before, {
        fields: { description: "Firstname: Bulk\nPhone: 000" },
      });
      emu.clearLog();
      await run("findLeads", { phone: "555 1234" });
      expectSent(emu, [search(), search({ limit: "1000", offset: "1000" })]);
    } finally {
      emu.settings.limitCaps["/leads"] = 100;
    }
  });
});

describe("Find Leads refuses what it cannot search, with 0 requests", () => {
  it.each([
    [{}, "Email", /nothing to search for/],
    [{ fieldName: "Customer ID" }, "Field Value", /only work together/],
    [{ email: "not-an-email" }, "Email", /not a valid email address/],
    [{ phone: "call me" }, "Phone", /not a phone number/],
    [{ email: "a@b.example", fieldIsKey: "true" }, "Field Is a Duplicate Key", /Field Name/],
  ])("%j → %s", async (params, input, message) => {
    const error = await errorFrom("findLeads", params);
    expect(error).toMatchObject({ name: "InputError", input });
    expect(error.message).toMatch(message);
    expectSent(emu, []);
  });
});
