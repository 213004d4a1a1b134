/** Prospecting list actions through the harness on the built component, against the emulator. */
import { describe, expect, it } from "vitest";
import {
  LISTS,
  PROSPECTS,
  type Prospect,
  type ProspectingList,
} from "./emulator/resources/prospectingLists";
import { DEFAULT_API_KEY } from "./emulator/server";
import {
  actionRunner,
  apiKeyConnection,
  errorRunner,
  expectSent,
  harness,
  useEmulator,
} from "./helpers";

const emu = useEmulator();
const lists = () => emu.store.table<ProspectingList>(LISTS);
const prospects = () => emu.store.table<Prospect>(PROSPECTS);
const rowsOf = (listId: number) =>
  [...prospects().values()].filter((row) => row.spreadsheet_id === listId);

const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

/** The connection's API key header, which every request of these tests carries. */
const KEY = { "x-api-key": DEFAULT_API_KEY };

const HEADER = ["Company name", "Firstname", "Lastname", "Email", "Phone"];
const ACME = ["Acme Corp", "John", "Doe", "john.doe@acme.com", "654 234 7623"];
const EUROPA = ["EuropaCorp", "Luc", "Besson", "luc.besson@europacorp.com", "555 333 5678"];

/** `n` prospects as arrays of 3 values, numbered from 1. */
const numbered = (n: number) =>
  Array.from({ length: n }, (_, i) => [`Company ${i + 1}`, `First ${i + 1}`, `${i + 1}`]);

describe("List Prospecting Lists", () => {
  it("sends the title filter, direction and limit and returns the lists", async () => {
    const result = await run("listProspectingLists", {
      title: "Prospect",
      direction: "asc",
      limit: "10",
    });
    expectSent(emu, [
      {
        method: "GET",
        path: "/spreadsheets",
        headers: KEY,
        query: { title: "Prospect", direction: "asc", limit: "10" },
      },
    ]);
    expect(result?.data).toEqual([
      expect.objectContaining({ id: 112, title: "Prospect", column_names: HEADER }),
    ]);
  });

  it("sends no filter by default and gets the newest lists first", async () => {
    const result = await run("listProspectingLists");
    expectSent(emu, [{ method: "GET", path: "/spreadsheets", headers: KEY, query: {} }]);
    const ids = (result?.data as Array<{ id: number }> | undefined)?.map((l) => l.id);
    expect(ids?.slice(0, 3)).toEqual([17198, 17197, 112]);
  });
});

describe("Create Prospecting List", () => {
  it("sends the title, rows, description, tags, owner and privacy off", async () => {
    const result = await run("createProspectingList", {
      title: "ProspectV2",
      content: JSON.stringify([HEADER, ACME, EUROPA]),
      description: "This prospect comes from Peter",
      tags: ["prospect", "peter"],
      userId: "stef@example.com",
      privacy: "off",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/spreadsheets",
        headers: { ...KEY, "content-type": expect.stringContaining("application/json") },
        body: {
          title: "ProspectV2",
          content: [HEADER, ACME, EUROPA],
          description: "This prospect comes from Peter",
          tags: ["prospect", "peter"],
          user_id: "stef@example.com",
          privacy: "off",
        },
      },
    ]);
    const list = result?.data as {
      id: number;
      column_names: string[];
      privacy: number;
      user: { id: number };
      spreadsheet_rows: Array<{ content: string[] }>;
    };
    expect(list).toMatchObject({ column_names: HEADER, privacy: 0, user: { id: 514 } });
    expect(list.spreadsheet_rows.map((r) => r.content)).toEqual([ACME, EUROPA]);
    expect(rowsOf(list.id)).toHaveLength(2);
  });

  it("leaves privacy out when Default is chosen", async () => {
    await run("createProspectingList", {
      title: "Default privacy",
      content: [HEADER, ACME],
      privacy: "default",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/spreadsheets",
        headers: KEY,
        body: { title: "Default privacy", content: [HEADER, ACME] },
      },
    ]);
  });

  it("sends a list of objects exactly as the equivalent list of lists", async () => {
    const objects = [
      { Company: "Acme Corp", Firstname: "John", Email: "john.doe@acme.com" },
      { Firstname: "Luc", Company: "EuropaCorp", Phone: 5553335678 },
      { Company: "Green Corp", Email: null },
    ];
    const arrays = [
      ["Company", "Firstname", "Email", "Phone"],
      ["Acme Corp", "John", "john.doe@acme.com", ""],
      ["EuropaCorp", "Luc", "", "5553335678"],
      ["Green Corp", "", "", ""],
    ];
    await run("createProspectingList", { title: "Objects", content: objects });
    await run("createProspectingList", { title: "Objects", content: JSON.stringify(arrays) });
    const both = {
      method: "POST",
      path: "/spreadsheets",
      body: { title: "Objects", content: arrays },
    };
    expectSent(emu, [both, both]);
  });

  it("accepts exactly 5000 prospects and 26 columns", async () => {
    const header = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
    const rows = numbered(5000);
    const result = await run("createProspectingList", {
      title: "Largest",
      content: [header, ...rows],
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/spreadsheets",
        body: { title: "Largest", content: [header, ...rows] },
      },
    ]);
    const list = result?.data as { id: number; column_names: string[] };
    expect(list.column_names).toHaveLength(26);
    expect(rowsOf(list.id)).toHaveLength(5000);
  });

  it("refuses 5001 prospects with no request, naming the limit", async () => {
    const objects = numbered(5001).map(([company, first]) => ({ Company: company, First: first }));
    const error = await errorFrom("createProspectingList", { title: "Too long", content: objects });
    expect(error).toMatchObject({ name: "InputError", input: "Prospects" });
    expect(error.message).toContain("5001 prospects");
    expect(error.message).toContain("at most 5000");
    expectSent(emu, []);
  });

  it("refuses a row of 27 columns with no request, naming the limit", async () => {
    const wide = Array.from({ length: 27 }, (_, i) => `v${i}`);
    const error = await errorFrom("createProspectingList", {
      title: "Too wide",
      content: JSON.stringify([HEADER, ACME, wide]),
    });
    expect(error).toMatchObject({ name: "InputError", input: "Prospects" });
    expect(error.message).toContain("row 3 has 27 columns");
    expect(error.message).toContain("at most 26");
    expectSent(emu, []);
  });

  it("refuses objects with 27 different keys with no request", async () => {
    const wide = Object.fromEntries(Array.from({ length: 27 }, (_, i) => [`key${i}`, "x"]));
    const error = await errorFrom("createProspectingList", {
      title: "Too wide",
      content: [wide],
    });
    expect(error.message).toContain("27 different keys");
    expect(error.message).toContain('"key26"');
    expectSent(emu, []);
  });

  it.each([
    ["not JSON", "[[", "is not valid JSON"],
    ["mixed shapes", '[["a"], {"b": 1}]', "mixes lists of values and objects"],
    ["a nested object", '[["a", {"b": 1}]]', "row 1, column 2 holds a nested object"],
    ["a bare value", '"hello"', "expected a list of rows"],
  ])("refuses %s with no request", async (_, content, message) => {
    const error = await errorFrom("createProspectingList", { title: "Bad", content });
    expect(error).toMatchObject({ name: "InputError", input: "Prospects" });
    expect(error.message).toContain(message);
    expectSent(emu, []);
  });

  it("requires an owner for privacy off with the API key, with no request", async () => {
    const error = await errorFrom("createProspectingList", {
      title: "Shared",
      content: [HEADER, ACME],
      privacy: "off",
    });
    expect(error).toMatchObject({ name: "InputError", input: "Owner" });
    expectSent(emu, []);
  });

  it("does not require an owner for privacy off when acting as a user", async () => {
    const result = await harness.action("createProspectingList", {
      connection: apiKeyConnection(emu, { apiKey: emu.newApiKey(), actAsUser: "515" }),
      title: "Shared by John",
      content: [HEADER, ACME],
      privacy: "off",
    });
    expectSent(emu, [
      { method: "GET", path: "/auth/log_as", query: { user_id: "515" } },
      {
        method: "POST",
        path: "/spreadsheets",
        headers: { "x-user-token": expect.stringMatching(/^tok-/), "x-api-key": undefined },
        body: { title: "Shared by John", content: [HEADER, ACME], privacy: "off" },
      },
    ]);
    expect(result?.data).toMatchObject({ privacy: 0, user: { id: 515 } });
  });
});

describe("Get and Assign Prospecting List", () => {
  it("gets a list with its prospects", async () => {
    const result = await run("getProspectingList", { prospectingListId: "112" });
    expectSent(emu, [{ method: "GET", path: "/spreadsheets/112", headers: KEY }]);
    expect(result?.data).toMatchObject({
      id: 112,
      title: "Prospect",
      spreadsheet_rows: [
        { id: 108, lead_id: 8112, content: ACME },
        { id: 109, lead_id: null, content: EUROPA },
      ],
    });
  });

  it("assigns a list to a user given by email", async () => {
    const result = await run("assignProspectingList", {
      prospectingListId: "17197",
      userId: "stef@example.com",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/spreadsheets/17197/assign",
        headers: KEY,
        body: { user_id: "stef@example.com" },
      },
    ]);
    expect(result?.data).toMatchObject({ id: 17197, user: { id: 514 } });
    expect(lists().get(17197)?.user_id).toBe(514);
  });

  it("sends a user id as a number", async () => {
    await run("assignProspectingList", { prospectingListId: "17197", userId: "515" });
    expectSent(emu, [
      { method: "POST", path: "/spreadsheets/17197/assign", headers: KEY, body: { user_id: 515 } },
    ]);
    expect(lists().get(17197)?.user_id).toBe(515);
  });

  it("requires the user, with no request", async () => {
    const error = await errorFrom("assignProspectingList", { prospectingListId: "17197" });
    expect(error).toMatchObject({ name: "InputError", input: "Assign To" });
    expectSent(emu, []);
  });

  it("refuses a list id that is not a number, with no request", async () => {
    const error = await errorFrom("getProspectingList", { prospectingListId: "112/../../users" });
    expect(error).toMatchObject({ name: "InputError", input: "Prospecting List ID" });
    expectSent(emu, []);
  });
});

describe("Comments", () => {
  it("comments on a list as a given user, with an activity", async () => {
    const result = await run("commentOnProspectingList", {
      prospectingListId: "112",
      content: "This is wonderful",
      userId: "515",
      activityId: "3",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/spreadsheets/112/comments",
        headers: KEY,
        body: { content: "This is wonderful", user_id: 515, activity_id: 3 },
      },
    ]);
    expect(result?.data).toMatchObject({
      content: "This is wonderful",
      commented_item: { item: "Spreadsheet", id: 112 },
      activity_id: 3,
      user: { id: 515 },
    });
  });

  it("comments on a prospect", async () => {
    const result = await run("commentOnProspect", {
      prospectingListId: "112",
      prospectId: "109",
      content: "Called, no answer.",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/spreadsheets/112/rows/109/comments",
        headers: KEY,
        body: { content: "Called, no answer." },
      },
    ]);
    expect(result?.data).toMatchObject({
      commented_item: { item: "SpreadsheetRow", id: 109 },
      user: { id: 514 },
    });
    const list = await run("getProspectingList", { prospectingListId: "112" });
    expect(list?.data).toMatchObject({
      spreadsheet_rows: expect.arrayContaining([
        expect.objectContaining({ id: 109, comment_count: 1 }),
      ]),
    });
  });

  it("requires the comment text, with no request", async () => {
    const error = await errorFrom("commentOnProspect", {
      prospectingListId: "112",
      prospectId: "109",
      content: "  ",
    });
    expect(error).toMatchObject({ name: "InputError", input: "Comment" });
    expectSent(emu, []);
  });
});

describe("Add Prospects", () => {
  it("adds a few prospects in one request and announces them", async () => {
    const announced: unknown[] = [];
    const listener = (name: string, data: unknown) => {
      if (name === "prospect.created") announced.push(data);
    };
    emu.events.on("event", listener);
    const green = ["Green Corp", "Julia", "Green", "julia.green@example.com", "345 234 7777"];
    const red = ["Red Corp", "John", "Red", "red.john@example.com", "222 333 5555"];
    const result = await run("addProspects", {
      prospectingListId: "17197",
      content: JSON.stringify([green, red]),
    });
    emu.events.off("event", listener);
    expectSent(emu, [
      {
        method: "POST",
        path: "/spreadsheets/17197/rows",
        headers: KEY,
        body: { content: [green, red] },
      },
    ]);
    const created = result?.data as Array<{ id: number; content: string[] }>;
    expect(created.map((r) => r.content)).toEqual([green, red]);
    expect(announced).toEqual(created);
    expect(created.every((r) => prospects().get(r.id)?.spreadsheet_id === 17197)).toBe(true);
  });

  it("sends 250 prospects as 3 requests of at most 100, in order, and returns all 250", async () => {
    const rows = numbered(250);
    const before = rowsOf(112).length;
    const result = await run("addProspects", { prospectingListId: "112", content: rows });
    const batch = (from: number, to: number) => ({
      method: "POST",
      path: "/spreadsheets/112/rows",
      body: { content: rows.slice(from, to) },
    });
    expectSent(emu, [batch(0, 100), batch(100, 200), batch(200, 250)]);
    const created = result?.data as Array<{ id: number; content: string[] }>;
    expect(created).toHaveLength(250);
    expect(created.map((r) => r.content)).toEqual(rows);
    expect(rowsOf(112).length - before).toBe(250);
  });

  it("sends a list of objects exactly as the equivalent list of lists", async () => {
    const objects = [
      { Company: "Blue Corp", Firstname: "Ann" },
      { Firstname: "Bob", Company: "Teal Corp", Email: "bob@teal.example" },
    ];
    const arrays = [
      ["Blue Corp", "Ann", ""],
      ["Teal Corp", "Bob", "bob@teal.example"],
    ];
    await run("addProspects", { prospectingListId: "17197", content: JSON.stringify(objects) });
    await run("addProspects", { prospectingListId: "17197", content: arrays });
    const both = { method: "POST", path: "/spreadsheets/17197/rows", body: { content: arrays } };
    expectSent(emu, [both, both]);
  });

  it("says which prospects were added when a later batch fails", async () => {
    const rows = numbered(250);
    const quota = emu.dailyQuota;
    emu.dailyQuota = emu.requestsToday + 1;
    try {
      const error = await errorFrom("addProspects", { prospectingListId: "112", content: rows });
      expect(error).toMatchObject({ name: "ApiError", status: 429 });
      expect(error.message).toContain("prospects 1–100 were added; 101–250 were not added");
    } finally {
      emu.dailyQuota = quota;
    }
    // The first batch was sent, the second refused, the third never sent.
    expectSent(emu, [
      {
        method: "POST",
        path: "/spreadsheets/112/rows",
        body: { content: rows.slice(0, 100) },
        status: 201,
      },
      {
        method: "POST",
        path: "/spreadsheets/112/rows",
        body: { content: rows.slice(100, 200) },
        status: 429,
      },
    ]);
  });

  it("refuses a row of 27 columns with no request", async () => {
    const error = await errorFrom("addProspects", {
      prospectingListId: "112",
      content: [ACME, Array.from({ length: 27 }, () => "x")],
    });
    expect(error).toMatchObject({ name: "InputError", input: "Prospects" });
    expect(error.message).toContain("row 2 has 27 columns");
    expectSent(emu, []);
  });

  it("refuses more than 5000 prospects in one step, with no request", async () => {
    const error = await errorFrom("addProspects", {
      prospectingListId: "112",
      content: numbered(5001),
    });
    expect(error.message).toContain("one step adds at most 5000");
    expectSent(emu, []);
  });
});

describe("Update, Create Lead From and Delete Prospect", () => {
  it("replaces a prospect's values", async () => {
    const values = ["Red Corp", "John", "Red", "red.john@example.com", "222 333 1111"];
    const result = await run("updateProspect", {
      prospectingListId: "17197",
      prospectId: "116",
      content: JSON.stringify(values),
    });
    expectSent(emu, [
      {
        method: "PUT",
        path: "/spreadsheets/17197/rows/116",
        headers: KEY,
        body: { content: values },
      },
    ]);
    expect(result?.data).toEqual({ id: 116, lead_id: null, is_active: true, content: values });
    expect(prospects().get(116)?.content).toEqual(values);
  });

  it("takes an object's values in key order", async () => {
    await run("updateProspect", {
      prospectingListId: "17197",
      prospectId: "116",
      content: { Company: "Red Corp", Firstname: "John", Phone: 2223331111 },
    });
    expectSent(emu, [
      {
        method: "PUT",
        path: "/spreadsheets/17197/rows/116",
        headers: KEY,
        body: { content: ["Red Corp", "John", "2223331111"] },
      },
    ]);
  });

  it("refuses 27 values with no request", async () => {
    const error = await errorFrom("updateProspect", {
      prospectingListId: "17197",
      prospectId: "116",
      content: Array.from({ length: 27 }, () => "x"),
    });
    expect(error).toMatchObject({ name: "InputError", input: "Prospect Values" });
    expectSent(emu, []);
  });

  it("creates a lead from a prospect and links it to the prospect", async () => {
    const result = await run("createLeadFromProspect", {
      prospectingListId: "17197",
      prospectId: "115",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/spreadsheets/17197/rows/115/create_lead",
        headers: KEY,
        body: undefined,
      },
    ]);
    const lead = result?.data as { id: number; title: string; description: string };
    expect(lead.title).toBe("Green Corp");
    expect(lead.description).toContain("Email: julia.green@example.com");
    expect(emu.store.leads.get(lead.id)?.title).toBe("Green Corp");
    expect(prospects().get(115)?.lead_id).toBe(lead.id);
  });

  it("deletes a prospect", async () => {
    const result = await run("deleteProspect", { prospectingListId: "112", prospectId: "109" });
    expectSent(emu, [{ method: "DELETE", path: "/spreadsheets/112/rows/109", headers: KEY }]);
    expect(result?.data).toEqual({ id: 109 });
    expect(prospects().has(109)).toBe(false);
  });

  it("reports a prospect of another list as not found", async () => {
    const error = await errorFrom("deleteProspect", {
      prospectingListId: "112",
      prospectId: "116",
    });
    expect(error).toMatchObject({ name: "ApiError", status: 404 });
    expectSent(emu, [{ method: "DELETE", path: "/spreadsheets/112/rows/116", status: 404 }]);
    expect(prospects().has(116)).toBe(true);
  });
});

describe("List Prospects Called From a Number", () => {
  it("sends the phone number and returns the prospects called from it", async () => {
    const result = await run("listProspectsCalledFrom", { phoneNumber: "2223334444" });
    expectSent(emu, [
      {
        method: "GET",
        path: "/rows/called_from",
        headers: KEY,
        query: { phone_number: "2223334444" },
      },
    ]);
    const rows = result?.data as Array<{ id: number; spreadsheet_id: number }>;
    expect(rows.map((r) => [r.id, r.spreadsheet_id])).toEqual([
      [115, 17197],
      [256, 17198],
    ]);
  });

  it("refuses text that is not a phone number, with no request", async () => {
    const error = await errorFrom("listProspectsCalledFrom", { phoneNumber: "call John" });
    expect(error).toMatchObject({ name: "InputError", input: "Phone Number" });
    expectSent(emu, []);
  });
});
