/**
 * Create or Update Lead through the built component: one lead per contact, whatever the number
 * of runs; an existing lead keeps its other contact lines, notes and tags; the requests of each
 * path; the inputs refused before any request; and a randomised run of descriptions and
 * upserts checked against the emulator's own description parser.
 */
import { describe, expect, it } from "vitest";
import { contactBlocks } from "./emulator/resources/leads/description";
import type { Lead } from "./emulator/store";
import { dataRunner, errorRunner, expectSent, loginConnection, useEmulator } from "./helpers";
import { seeded } from "./random";
import { schemaProblem } from "./schemas";

const emu = useEmulator();
const run = dataRunner(emu);
const errorFrom = errorRunner(emu);

interface Upserted {
  action: "created" | "updated";
  changed: boolean;
  lead: { id: number; tags: string[]; contactFields: Record<string, string> };
}

const searchFor = (email: string) => ({
  method: "GET",
  path: "/leads",
  query: { email, include_unassigned: "true", limit: "1000", offset: "0" },
});

/** The account's leads whose first contact block has this email (any case). */
const leadsWithEmail = (email: string): Lead[] =>
  [...emu.store.leads.values()].filter((lead) =>
    (contactBlocks(lead.description)[0] ?? []).some(
      ([key, value]) => /^e-?mail$/i.test(key) && value.toLowerCase() === email.toLowerCase(),
    ),
  );

const form = (email: string, extra: Record<string, string> = {}) => ({
  title: "Awesome Company",
  contactFields: JSON.stringify({ Firstname: "John", Email: email, ...extra }),
  description: "Wants a quote.",
  tags: ["webform"],
});

describe("Create or Update Lead: run twice, one lead", () => {
  it("creates an unassigned lead, then finds it: the second run sends no POST and changes nothing", async () => {
    const email = "john@twice.example";
    const first = await run<Upserted>("upsertLead", form(email));
    expectSent(emu, [
      searchFor(email),
      {
        method: "POST",
        path: "/leads",
        body: {
          title: "Awesome Company",
          description: `Firstname: John\nEmail: ${email}\n---\nWants a quote.`,
          tags: ["webform"],
        },
        status: 201,
      },
    ]);
    expect(first).toMatchObject({ action: "created", changed: true });
    expect(schemaProblem("upsertLead", first)).toBeUndefined();
    expect(first.lead.contactFields).toMatchObject({ Firstname: "John", Email: email });
    expect(emu.store.leads.get(first.lead.id)?.user_id).toBeNull();

    emu.clearLog();
    const second = await run<Upserted>("upsertLead", form(email));
    expectSent(emu, [searchFor(email)]);
    expect(second).toMatchObject({
      action: "updated",
      changed: false,
      lead: { id: first.lead.id },
    });
    expect(leadsWithEmail(email)).toHaveLength(1);
  });

  it("on a plain-text description: keeps the other lines, notes and tags, adds the new ones", async () => {
    emu.settings.htmlDescriptions = false;
    try {
      const email = "zoe@plain.example";
      const notes = "---\nMet at the fair.\nEmail: notes@plain.example stays a note";
      const lead = emu.store.addLead({
        title: "Zoe's company",
        user_id: 515,
        tags: ["vip"],
        description: `Firstname: Zoe\nLastname: Park\nEmail: ${email}\nPhone: 555 0001\n${notes}`,
      });
      const upsert = {
        title: "Ignored for an existing lead",
        contactFields: JSON.stringify({ Email: email, Phone: "555 0002", Job: "CTO" }),
        tags: ["webform", "VIP"],
      };
      const data = await run<Upserted>("upsertLead", upsert);
      const description = `Firstname: Zoe\nLastname: Park\nEmail: ${email}\nPhone: 555 0002\nJob: CTO\n${notes}`;
      expectSent(emu, [
        searchFor(email),
        {
          method: "PUT",
          path: `/leads/${lead.id}`,
          body: { description, tags: ["vip", "webform"] },
        },
      ]);
      expect(data).toMatchObject({ action: "updated", changed: true, lead: { id: lead.id } });
      expect(emu.store.leads.get(lead.id)).toMatchObject({
        title: "Zoe's company",
        description,
        tags: ["vip", "webform"],
        user_id: 515,
      });

      emu.clearLog();
      await run("upsertLead", upsert);
      expectSent(emu, [searchFor(email)]);
    } finally {
      emu.settings.htmlDescriptions = true;
    }
  });

  it("on an HTML description (Key : value, two contact blocks, notes): changes only the named lines", async () => {
    const email = "zed@html.example";
    const description = [
      "Prénom : Zed<br />",
      "Téléphone : 01 23 45 67 89<br />",
      `Email : ${email}<br />`,
      "-----<br />",
      "Nom : Paul Martin<br />",
      "Email&nbsp;: paul@html.example<br />",
      '\r\n<p class="lead-desc-separator">--- Notes ---</p><p>R&amp;D deck: send in March.</p>',
    ].join("");
    const lead = emu.store.addLead({
      title: "Maison Zed",
      user_id: 514,
      description,
      tags: ["fr"],
    });
    const upsert = {
      title: "Maison Zed",
      contactFields: JSON.stringify({ email, Téléphone: "01 99 99 99 99", Ville: "Lyon" }),
      tags: ["webform"],
    };
    await run("upsertLead", upsert);
    const expected = description
      .replace("Téléphone : 01 23 45 67 89", "Téléphone : 01 99 99 99 99")
      .replace(`Email : ${email}<br />`, `Email : ${email}<br />Ville: Lyon<br />`);
    expectSent(emu, [
      searchFor(email),
      {
        method: "PUT",
        path: `/leads/${lead.id}`,
        body: { description: expected, tags: ["fr", "webform"] },
      },
    ]);
    emu.clearLog();
    const again = await run<Upserted>("upsertLead", upsert);
    expectSent(emu, [searchFor(email)]);
    expect(again.changed).toBe(false);
    expect(leadsWithEmail(email)).toHaveLength(1);
  });
});

describe("Create or Update Lead: matching", () => {
  it("does not take a lead that only mentions the email in its notes for the contact's lead", async () => {
    const email = "mention@upsert.example";
    const other = emu.store.addLead({
      title: "Other",
      user_id: 514,
      description: `Email: someone@else.example\n---\nForwarded by ${email}`,
    });
    const data = await run<Upserted>("upsertLead", form(email));
    expect(data.action).toBe("created");
    expect(data.lead.id).not.toBe(other.id);
    expect(emu.store.leads.get(other.id)?.description).toContain("Forwarded by");
  });

  it("several matches: updates the most recently updated by default, or fails naming them", async () => {
    const email = "dup@upsert.example";
    const older = emu.store.addLead({
      title: "Dup 1",
      user_id: 514,
      description: `Email: ${email}`,
    });
    const newer = emu.store.addLead({
      title: "Dup 2",
      user_id: 514,
      description: `Email: ${email}`,
    });
    const error = await errorFrom("upsertLead", { ...form(email), whenSeveral: "fail" });
    expect(error).toMatchObject({ name: "InputError", input: "When Several Match" });
    expect(error.message).toContain(`IDs ${newer.id}, ${older.id}`);
    expectSent(emu, [searchFor(email)]);

    emu.clearLog();
    const data = await run<Upserted>("upsertLead", form(email));
    expect(data.lead.id).toBe(newer.id);
    expectSent(emu, [searchFor(email), { method: "PUT", path: `/leads/${newer.id}` }]);
  });

  it("by another contact field: reads the leads and matches that line only", async () => {
    const lead = emu.store.addLead({
      title: "Customer 77",
      user_id: 514,
      description: "Customer ID: C-77\nEmail: old@c77.example",
    });
    const data = await run<Upserted>("upsertLead", {
      title: "Customer 77",
      matchBy: "field",
      matchField: "customer id",
      contactFields: JSON.stringify({ "Customer ID": "c-77", Email: "new@c77.example" }),
    });
    expect(data).toMatchObject({ action: "updated", lead: { id: lead.id } });
    expectSent(emu, [
      {
        method: "GET",
        path: "/leads",
        query: { include_unassigned: "true", limit: "1000", offset: "0" },
      },
      {
        method: "PUT",
        path: `/leads/${lead.id}`,
        body: { description: "Customer ID: c-77<br />Email: new@c77.example" },
      },
    ]);
  });

  it("a new lead gets its owner, step, status and amount: the POST, then one PUT", async () => {
    const email = "owned@upsert.example";
    const data = await run<Upserted>("upsertLead", {
      ...form(email),
      userId: "john.doe@mycompany.com",
      stepName: "In-touch",
      status: "won",
      amount: "1200",
    });
    expectSent(emu, [
      searchFor(email),
      { method: "POST", path: "/leads", status: 201 },
      {
        method: "PUT",
        path: `/leads/${data.lead.id}`,
        body: { step: "In-touch", status: "won", amount: 1200 },
      },
    ]);
    expect(emu.store.leads.get(data.lead.id)).toMatchObject({
      user_id: 515,
      step_id: 1190,
      status: "won",
      amount: 1200,
    });
  });

  it("a new lead whose step is unknown: created once, the error names Step Name and the lead; a rerun updates it", async () => {
    const email = "badstep@upsert.example";
    const error = await errorFrom("upsertLead", {
      ...form(email),
      userId: "514",
      stepName: "Nowhere",
    });
    const [lead] = leadsWithEmail(email);
    expect(error.message).toContain('Step Name: no step named "Nowhere"');
    expect(error.message).toContain(`The lead WAS created (ID ${lead?.id}) without its step`);
    emu.clearLog();
    const again = await run<Upserted>("upsertLead", { ...form(email), userId: "514" });
    expect(again).toMatchObject({ action: "updated", changed: false, lead: { id: lead?.id } });
    expectSent(emu, [searchFor(email)]);
    expect(leadsWithEmail(email)).toHaveLength(1);
  });

  it("with a User Login connection, a new lead belongs to the user: a step needs no Owner", async () => {
    const email = "login@upsert.example";
    const data = await run<Upserted>(
      "upsertLead",
      { ...form(email), stepName: "In-touch" },
      loginConnection(emu, "john.doe@mycompany.com"),
    );
    expect(emu.store.leads.get(data.lead.id)).toMatchObject({ user_id: 515, step_id: 1190 });
  });
});

describe("Create or Update Lead refuses, with 0 requests", () => {
  it.each([
    [
      { contactFields: JSON.stringify({ Firstname: "No email" }) },
      "Contact Fields",
      /no Email row/,
    ],
    [{ contactFields: JSON.stringify({ Email: "nope" }) }, "Contact Fields", /not a valid email/],
    [{ matchBy: "field" }, "Match Field", /is needed/],
    [{ matchBy: "field", matchField: "Customer ID" }, "Match Field", /no "Customer ID" row/],
    [{ status: "standby" }, "Status", /not one of: todo, won, lost, cancelled/],
    [{ status: "won" }, "Status", /unassigned lead.*Fill Owner/],
    [{ amount: "10", probability: "50", stepId: "1190" }, "Step ID", /unassigned lead/],
    [{ fieldIsKey: "true" }, "Field Is a Duplicate Key", /another contact field/],
  ])("%j → %s", async (params, input, message) => {
    const error = await errorFrom("upsertLead", { ...form("refused@upsert.example"), ...params });
    expect(error).toMatchObject({ name: "InputError", input });
    expect(error.message).toMatch(message);
    expectSent(emu, []);
  });
});

// ---------------------------------------------------------------------------------------------
// Randomised: random descriptions (plain or HTML, second contact blocks, notes that look like
// fields), random upserts, repeats: never a second lead, never a lost line, tag or note.

const KEYS = ["Firstname", "Lastname", "Phone", "Mobile", "Job", "Web", "Customer ID", "Source"];
const WORDS = ["alpha", "R&D", "Bravo", "42", "co-op", "O'Neil", "été", "x"];
const TAGS = ["vip", "VIP", "lead", "web form", "b2b", "Q3"];

function scenario(seed: number) {
  const { next: rnd, pick } = seeded(seed);
  const some = <T>(items: readonly T[]): T[] => items.filter(() => rnd() < 0.5);
  const value = () =>
    Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(WORDS)).join(
      rnd() < 0.2 ? "\n" : " ",
    );
  return { rnd, pick, some, value };
}

/** The value as the description holds it: line breaks become one space, trimmed. */
const oneLine = (text: string) =>
  text
    .split(/\r\n|[\n\r]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(" ");

const tagId = (tag: string) => tag.trim().toLowerCase();

describe("Create or Update Lead, randomised", () => {
  it("random descriptions and random upserts: one lead each, no line, note or tag lost", async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { rnd, pick, some, value } = scenario(seed);
      const email = `contact${seed}@random.example`;
      const html = rnd() < 0.5;
      const own: Array<[string, string]> = some(KEYS).map((key) => [key, oneLine(value())]);
      own.splice(Math.floor(rnd() * (own.length + 1)), 0, ["Email", email]);
      const lines = own.map(([key, v]) => `${key}${rnd() < 0.3 ? " : " : ": "}${v}`);
      const note = `note${seed} Budget: ${seed}k`;
      const second = rnd() < 0.4 ? [`-----`, `Email: second${seed}@random.example`] : [];
      const block = [...lines, ...second];
      const description = html
        ? `${block.map((l) => l.replace(/&/g, "&amp;")).join("<br />")}<br />\r\n---\r\n<p>${note}</p>`
        : [...block, "---", note].join("\n");
      const ownTags = some(TAGS).filter(
        (tag, i, all) => all.findIndex((other) => tagId(other) === tagId(tag)) === i,
      );
      const lead = emu.store.addLead({
        title: `Random ${seed}`,
        user_id: rnd() < 0.5 ? null : 514,
        description,
        tags: ownTags,
      });
      const leadsBefore = emu.store.leads.size;
      const set = new Map<string, string>();
      const added: string[] = [];
      let previous: Record<string, unknown> | undefined;
      for (let round = 0; round < 1 + Math.floor(rnd() * 4); round++) {
        const repeat = previous !== undefined && rnd() < 0.3;
        const fields: Record<string, string> = repeat
          ? {}
          : Object.fromEntries(some(KEYS).map((key) => [key, value()]));
        const params = repeat
          ? (previous as Record<string, unknown>)
          : {
              title: `Random ${seed}`,
              contactFields: JSON.stringify({
                [pick(["Email", "email", "E-mail"])]: rnd() < 0.5 ? email : email.toUpperCase(),
                ...fields,
              }),
              tags: some(TAGS),
            };
        emu.clearLog();
        const data = await run<Upserted>("upsertLead", params);
        const context = `seed ${seed}, round ${round}`;
        expect(data.lead.id, context).toBe(lead.id);
        // The search by the email as given (its first contact line), then an update, never a
        // creation; a repeat of the previous round changes nothing, so it is not sent.
        const [given] = Object.values(JSON.parse(params.contactFields as string)) as [string];
        const update = { method: "PUT", path: `/leads/${lead.id}`, query: {} };
        expectSent(emu, repeat ? [searchFor(given)] : [searchFor(given), update], context);
        for (const [key, v] of Object.entries(fields)) set.set(key, oneLine(v));
        added.push(...((params.tags as string[] | undefined) ?? []));
        previous = params;
      }
      const stored = emu.store.leads.get(lead.id) as Lead;
      const context = `seed ${seed}: ${JSON.stringify(stored.description)}`;
      expect(emu.store.leads.size, context).toBe(leadsBefore);
      expect(leadsWithEmail(email), context).toHaveLength(1);
      const first = new Map(contactBlocks(stored.description)[0] ?? []);
      for (const [key, v] of own) {
        if (key !== "Email") expect(first.get(key), context).toBe(set.get(key) ?? v);
      }
      for (const [key, v] of set) expect(first.get(key), context).toBe(v);
      expect(stored.description, context).toContain(note);
      if (second.length)
        expect(stored.description, context).toContain(`second${seed}@random.example`);
      const tags = new Set(stored.tags.map(tagId));
      for (const tag of [...ownTags, ...added]) expect(tags.has(tagId(tag)), context).toBe(true);
      expect(tags.size, context).toBe(stored.tags.length);
    }
  });
});
