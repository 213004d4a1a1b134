/** Fetch All of List Leads and List Lead Action Histories: request counts, offsets, caps. */
import { describe, expect, it } from "vitest";
import { recordHistory } from "./emulator/resources/leads/histories";
import { dataRunner, errorOf, expectSent, useEmulator } from "./helpers";

const emu = useEmulator();

const run = dataRunner(emu);

/** A GET of `path` with this query (strings, as sent). */
const get = (path: string, query: Record<string, string>) => ({
  method: "GET",
  path,
  // List Leads includes the unassigned leads by default.
  query: path === "/leads" ? { include_unassigned: "true", ...query } : query,
});

describe("List Leads, Fetch All", () => {
  it("250 leads at page size 100: exactly 3 requests, 250 leads", async () => {
    const seeded = emu.store.seedLeads(250, { tags: ["bulk250"] });
    const data = (await run("listLeads", {
      tags: "bulk250",
      order: "id",
      direction: "asc",
      limit: "100",
      fetchAll: "true",
    })) as Array<{ id: number }>;
    const query = { tags: "bulk250", order: "id", direction: "asc", limit: "100" };
    expectSent(emu, [
      get("/leads", { ...query, offset: "0" }),
      get("/leads", { ...query, offset: "100" }),
      get("/leads", { ...query, offset: "200" }),
    ]);
    expect(data.map((l) => l.id)).toEqual(seeded.map((l) => l.id));
  });

  it("with Maximum Records 120 of 250: fails saying how many match, after 2 requests (100 + 21)", async () => {
    emu.store.seedLeads(250, { tags: ["cap120"] });
    const error = await errorOf(
      run("listLeads", { tags: "cap120", limit: "100", fetchAll: "true", maxRecords: "120" }),
    );
    expect(error).toMatchObject({ name: "LimitError", input: "Maximum Records", matched: 250 });
    expect(error.message).toMatch(/^Maximum Records: 250 records match, more than 120/);
    expect(error.message).toContain("Raise Maximum Records or narrow the filters");
    // One record more than Maximum Records proves the overflow.
    expectSent(emu, [
      get("/leads", { tags: "cap120", limit: "100", offset: "0" }),
      get("/leads", { tags: "cap120", limit: "21", offset: "100" }),
    ]);
  });

  it("with Maximum Records 120 of 250 and When More Than Maximum returnFirst: the first 120", async () => {
    const seeded = emu.store.seedLeads(250, { tags: ["first120"] });
    const data = (await run("listLeads", {
      tags: "first120",
      order: "id",
      direction: "asc",
      limit: "100",
      fetchAll: "true",
      maxRecords: "120",
      whenMoreThanMaximum: "returnFirst",
    })) as Array<{ id: number }>;
    const query = { tags: "first120", order: "id", direction: "asc" };
    expectSent(emu, [
      get("/leads", { ...query, limit: "100", offset: "0" }),
      get("/leads", { ...query, limit: "20", offset: "100" }),
    ]);
    expect(data.map((l) => l.id)).toEqual(seeded.slice(0, 120).map((l) => l.id));
  });

  it("without a Page Size: large pages, 200 leads in one request ending on X-TOTAL-COUNT", async () => {
    emu.settings.limitCaps["/leads"] = null;
    try {
      emu.store.seedLeads(200, { tags: ["exact200"] });
      const data = (await run("listLeads", { tags: "exact200", fetchAll: "true" })) as unknown[];
      expectSent(emu, [get("/leads", { tags: "exact200", limit: "1000", offset: "0" })]);
      expect(data).toHaveLength(200);
    } finally {
      emu.settings.limitCaps["/leads"] = 100;
    }
  });

  it("without a Page Size, on an account that silently caps pages at 100: no record lost", async () => {
    const seeded = emu.store.seedLeads(250, { tags: ["capped250"] });
    const data = (await run("listLeads", {
      tags: "capped250",
      fetchAll: "true",
    })) as Array<{ id: number }>;
    // Each page asks for what Maximum Records (1000) still allows, plus one.
    expectSent(emu, [
      get("/leads", { tags: "capped250", limit: "1000", offset: "0" }),
      get("/leads", { tags: "capped250", limit: "901", offset: "100" }),
      get("/leads", { tags: "capped250", limit: "801", offset: "200" }),
    ]);
    expect(new Set(data.map((l) => l.id))).toEqual(new Set(seeded.map((l) => l.id)));
  });

  it("without a Page Size, on an account that refuses large pages: one fallback to 100", async () => {
    emu.settings.overCap = "refuse";
    try {
      emu.store.seedLeads(150, { tags: ["refused150"] });
      const data = (await run("listLeads", { tags: "refused150", fetchAll: "true" })) as unknown[];
      expectSent(emu, [
        { ...get("/leads", { tags: "refused150", limit: "1000", offset: "0" }), status: 400 },
        { ...get("/leads", { tags: "refused150", limit: "100", offset: "0" }), status: 200 },
        { ...get("/leads", { tags: "refused150", limit: "100", offset: "100" }), status: 200 },
      ]);
      expect(data).toHaveLength(150);
    } finally {
      emu.settings.overCap = "truncate";
    }
  });

  it("without Fetch All: one page as asked", async () => {
    emu.store.seedLeads(30, { tags: ["onepage"] });
    const data = (await run("listLeads", {
      tags: "onepage",
      limit: "10",
      offset: "5",
    })) as unknown[];
    expectSent(emu, [get("/leads", { tags: "onepage", limit: "10", offset: "5" })]);
    expect(data).toHaveLength(10);
  });
});

describe("List Lead Action Histories, Fetch All", () => {
  it("150 entries at page size 100: 2 requests, 150 entries in order", async () => {
    const lead = emu.store.addLead({ title: "Busy lead", user_id: 514 });
    for (let i = 0; i < 150; i++) {
      recordHistory(emu.store, 514, lead.id, "comment_added", { id: i + 1 });
    }
    const data = (await run("listLeadActionHistories", {
      leadId: String(lead.id),
      fetchAll: "true",
    })) as Array<{ action_item: { id: number } }>;
    const path = `/leads/${lead.id}/action_histories`;
    expectSent(emu, [
      get(path, { limit: "100", offset: "0" }),
      get(path, { limit: "100", offset: "100" }),
    ]);
    expect(data.map((h) => h.action_item.id)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
  });

  it("stops when a page repeats earlier entries (an API ignoring offset) and returns no duplicate", async () => {
    const lead = emu.store.addLead({ title: "Offsetless", user_id: 514 });
    const firstPage = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, lead_id: lead.id }));
    // A later registration wins: this lead's histories ignore offset.
    emu.router.on("GET", `/leads/${lead.id}/action_histories`, () => ({ body: firstPage }));
    const data = (await run("listLeadActionHistories", {
      leadId: String(lead.id),
      fetchAll: "true",
    })) as Array<{ id: number }>;
    const path = `/leads/${lead.id}/action_histories`;
    expectSent(emu, [
      get(path, { limit: "100", offset: "0" }),
      get(path, { limit: "100", offset: "100" }),
    ]);
    expect(data.map((h) => h.id)).toEqual(firstPage.map((h) => h.id));
  });
});
