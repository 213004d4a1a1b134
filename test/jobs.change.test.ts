/**
 * Update Lead Contact Fields, Add Tags to Lead and Remove Tags from Lead through the built
 * component: GET the lead, PUT only what differs (nothing when it already is so); every other
 * contact line, block, note and tag kept, in plain-text and HTML descriptions.
 */
import { describe, expect, it } from "vitest";
import { LIVE_HTML_DESCRIPTION } from "./emulator/resources/leads/description";
import { dataRunner, errorRunner, expectSent, useEmulator } from "./helpers";

const emu = useEmulator();
const run = dataRunner(emu);
const errorFrom = errorRunner(emu);

type Lead = { id: number; tags: string[]; description: string };

const getLead = (id: number) => ({ method: "GET", path: `/leads/${id}` });

describe("Update Lead Contact Fields", () => {
  it("plain text: replaces the Phone line and adds Job; other lines, notes and blocks unchanged", async () => {
    emu.settings.htmlDescriptions = false;
    try {
      const original = [
        "Firstname: Natalia",
        "Phone : 801 274 6798",
        "Email: natalia@plain.example",
        "-----",
        "Firstname: Second",
        "Phone: 000",
        "---",
        "Met at a seminar. Phone: 555 in the notes stays.",
      ].join("\n");
      const lead = emu.store.addLead({ title: "Plain", user_id: 514, description: original });
      const data = await run<Lead>("updateLeadContactFields", {
        leadId: String(lead.id),
        contactFields: [
          { key: "phone", value: "801 274 0000\n(ext. 12)" },
          { key: "Job", value: "Buyer" },
        ],
      });
      const expected = original
        .replace("Phone : 801 274 6798", "Phone : 801 274 0000 (ext. 12)")
        .replace("Email: natalia@plain.example", "Email: natalia@plain.example\nJob: Buyer");
      expectSent(emu, [
        getLead(lead.id),
        { method: "PUT", path: `/leads/${lead.id}`, body: { description: expected } },
      ]);
      expect(emu.store.leads.get(lead.id)?.description).toBe(expected);
      expect(data).toMatchObject({ id: lead.id, description: expected });
    } finally {
      emu.settings.htmlDescriptions = true;
    }
  });

  it("HTML (the live web application's): changes only the named line, and removes one", async () => {
    const lead = emu.store.addLead({
      title: "Maison HTML",
      user_id: 515,
      description: LIVE_HTML_DESCRIPTION,
    });
    await run("updateLeadContactFields", {
      leadId: String(lead.id),
      contactFields: { Téléphone: "01 99 <b>99</b>" },
      removeFields: ["Fonction"],
    });
    const expected = LIVE_HTML_DESCRIPTION.replace(
      "Téléphone : 01 23 45 67 89",
      "Téléphone : 01 99 &lt;b&gt;99&lt;/b&gt;",
    ).replace("Fonction : Directrice<br />", "");
    expectSent(emu, [
      getLead(lead.id),
      { method: "PUT", path: `/leads/${lead.id}`, body: { description: expected } },
    ]);
  });

  it("run again with the same values: 1 request, no PUT", async () => {
    const lead = emu.store.addLead({
      title: "Same",
      description: "Firstname: Ann\nPhone: 555 0101\n---\nnote",
    });
    await run("updateLeadContactFields", {
      leadId: String(lead.id),
      contactFields: { phone: " 555 0101 " },
      removeFields: ["Fax"],
    });
    expectSent(emu, [getLead(lead.id)]);
  });

  it("refuses nothing to change, or a field name the description cannot hold, with 0 requests", async () => {
    const empty = await errorFrom("updateLeadContactFields", { leadId: "8113" });
    expect(empty).toMatchObject({ name: "InputError", input: "Contact Fields" });
    const badKey = await errorFrom("updateLeadContactFields", {
      leadId: "8113",
      contactFields: { "Phone: home": "1" },
    });
    expect(badKey).toMatchObject({ name: "InputError", input: "Contact Fields" });
    const badRemove = await errorFrom("updateLeadContactFields", {
      leadId: "8113",
      removeFields: ["12345"],
    });
    expect(badRemove).toMatchObject({ name: "InputError", input: "Remove Fields" });
    expectSent(emu, []);
  });
});

describe("Add Tags to Lead and Remove Tags from Lead", () => {
  it("adds tags, keeping the lead's own (a tag it has in another case is not added twice)", async () => {
    const lead = emu.store.addLead({ title: "Tagged", user_id: 514, tags: ["VIP", "US"] });
    const data = await run<Lead>("addLeadTags", {
      leadId: String(lead.id),
      tags: ["vip", "renewal", " Q3 "],
    });
    expectSent(emu, [
      getLead(lead.id),
      { method: "PUT", path: `/leads/${lead.id}`, body: { tags: ["VIP", "US", "renewal", "Q3"] } },
    ]);
    expect(data.tags).toEqual(["VIP", "US", "renewal", "Q3"]);
    emu.clearLog();
    await run("addLeadTags", { leadId: String(lead.id), tags: "us,Renewal" });
    expectSent(emu, [getLead(lead.id)]);
  });

  it("removes tags, keeping the others; removing tags the lead lacks sends no PUT", async () => {
    const lead = emu.store.addLead({ title: "Untag", tags: ["a", "B", "c"] });
    await run("removeLeadTags", { leadId: String(lead.id), tags: ["b", "zz"] });
    expectSent(emu, [
      getLead(lead.id),
      { method: "PUT", path: `/leads/${lead.id}`, body: { tags: ["a", "c"] } },
    ]);
    emu.clearLog();
    await run("removeLeadTags", { leadId: String(lead.id), tags: ["b"] });
    expectSent(emu, [getLead(lead.id)]);
  });

  it("removes the last tag: the lead is left with none", async () => {
    const lead = emu.store.addLead({ title: "Last tag", tags: ["only"] });
    await run("removeLeadTags", { leadId: String(lead.id), tags: ["ONLY"] });
    expect(emu.store.leads.get(lead.id)?.tags).toEqual([]);
  });

  it("an unknown lead: the GET's 404, and nothing written", async () => {
    const error = await errorFrom("addLeadTags", { leadId: "999999", tags: ["x"] });
    expect(error).toMatchObject({ name: "ApiError", status: 404 });
    expectSent(emu, [{ ...getLead(999999), status: 404 }]);
  });
});
