/**
 * The quota bench's cases: hand-written typical calls for the actions that make several
 * requests (the others are derived from their declarations), invalid calls, data sources and
 * triggers. Inputs are strings, as the platform sends them; `connection` is added (API key)
 * unless a case sets it. `minimum` defaults to 1 (one endpoint, one request).
 */
import type { Emulator } from "../test/emulator";
import { apiKeyConnection, type ConnectionValue, harness } from "./component";
import { behaviourOf, readMinimum } from "./servers";

export type Params = Record<string, unknown>;

/** What a case's setup may use: calls made here are not counted. */
export interface SetupContext {
  emu: Emulator;
  connection: ConnectionValue;
  /** Runs another action through the harness and returns its `data`. */
  run: (key: string, params: Params) => Promise<unknown>;
  /** A local URL that accepts webhook deliveries (so none leaves the machine). */
  sinkUrl: string;
}

/** The setup context on the emulator's API-key connection; `run` returns an action's `data`. */
export function makeSetup(emu: Emulator, sinkUrl: string): SetupContext {
  const connection = apiKeyConnection(emu);
  return {
    emu,
    connection,
    sinkUrl,
    run: async (key, params) => (await harness.action(key, { connection, ...params }))?.data,
  };
}

export interface QuotaCase {
  params?: Params | ((setup: SetupContext) => Params | Promise<Params>);
  /** Fewest requests the API allows for this call. */
  minimum?: number | ((emu: Emulator) => number);
  /** What the call does, when it is not the obvious single request. */
  note?: string;
}

/** A case's inputs (its setup run first), on the setup's connection unless the case sets one. */
export async function resolveParams(spec: QuotaCase, setup: SetupContext): Promise<Params> {
  const params = typeof spec.params === "function" ? await spec.params(setup) : spec.params;
  return { connection: setup.connection, ...params };
}

export interface InvalidCase {
  action: string;
  params: Params;
  note: string;
}

/** Rows per Add Prospects request: "The number of rows is limited to 100" (API document). */
const PROSPECT_BATCH = 100;
/** Rows of a prospecting list with 5 columns (the seeded list 112 has 5). */
const rows = (count: number) =>
  JSON.stringify(
    Array.from({ length: count }, (_, i) => [
      `Bench Corp ${i + 1}`,
      "Ada",
      "Lovelace",
      `ada${i + 1}@example.com`,
      "555 0100",
    ]),
  );

/** The job actions' inputs (issue 15): what they read before they write is part of the job. */
const contact = JSON.stringify({ Firstname: "Ada", Email: "ada@bench.example" });

export const ACTION_CASES: Record<string, QuotaCase> = {
  createLead: {
    params: {
      title: "Bench Corp",
      contactFields: contact,
      userId: "stef@example.com",
      stepId: "1190",
      amount: "1000",
      clientFolderId: "12",
    },
    minimum: 3,
    note: "with step, amount and client folder: POST, PUT, add to folder",
  },
  upsertLead: {
    params: { title: "Bench Corp", contactFields: contact },
    minimum: 2,
    note: "no match: the search, then the creation",
  },
  updateLeadContactFields: {
    params: { leadId: "8113", contactFields: JSON.stringify({ Phone: "801 274 0000" }) },
    minimum: 2,
    note: "read the lead, write the changed line",
  },
  addLeadTags: {
    params: { leadId: "8113", tags: "vip" },
    minimum: 2,
    note: "read the lead, write its tags",
  },
  removeLeadTags: {
    params: { leadId: "8113", tags: "small" },
    minimum: 2,
    note: "read the lead, write its tags",
  },
  countLeads: {
    params: { groupBy: "status" },
    minimum: 5,
    note: "per status: one one-lead page per status",
  },
  assignLeadRoundRobin: {
    params: { leadId: "8113", teamId: "2" },
    minimum: 2,
    note: "the team's users, then the assignment",
  },
  addProspects: {
    params: { prospectingListId: "112", content: rows(250) },
    minimum: Math.ceil(250 / PROSPECT_BATCH),
    note: "250 rows in batches of 100",
  },
  listLeads: {
    params: async ({ emu }) => {
      emu.store.seedLeads(250);
      return { fetchAll: "true" };
    },
    // Every lead (unassigned ones included by default), in the pages the emulator serves.
    minimum: (emu) => readMinimum(emu.store.leads.size, behaviourOf(emu)).minimum,
    note: "Fetch All over every lead, no Page Size",
  },
};

/** Refused before any request: the minimum is 0. */
export const INVALID_CASES: InvalidCase[] = [
  {
    action: "rawRequest",
    params: { method: "GET", path: "https://evil.example.com/steal" },
    note: "absolute URL as Path",
  },
  {
    action: "rawRequest",
    params: { method: "GET", path: "/ping", headers: [{ key: "X-API-KEY", value: "x" }] },
    note: "credentials header",
  },
  { action: "updateTeam", params: { teamId: "abc", name: "Sales" }, note: "non-numeric team ID" },
  {
    action: "createField",
    params: { name: "x".repeat(33), parentType: "lead" },
    note: "33-char name",
  },
  { action: "createUser", params: { email: "not-an-email" }, note: "malformed email" },
  {
    action: "addProspects",
    params: { prospectingListId: "112", content: JSON.stringify([Array(27).fill("x")]) },
    note: "27 columns",
  },
  { action: "getLead", params: { leadId: "../users" }, note: "path-like ID" },
  {
    action: "updateLead",
    params: { leadId: "8112", status: "standby" },
    note: "standby without reminder date",
  },
];

/** Data sources: one request per dropdown unless a case says otherwise. */
export const DATA_SOURCE_CASES: Record<string, QuotaCase> = {
  selectLead: {
    // Up to its default maximum of 300, unassigned leads included, in the pages served.
    minimum: (emu) => {
      const leads = emu.store.leads.size;
      const bound = { stateless: true, partOfLonger: leads > 300 };
      return readMinimum(Math.min(leads, 300), behaviourOf(emu), bound).minimum;
    },
    note: "default maximum 300",
  },
};

/** Trigger inputs, when the defaults are not a typical configuration. */
export const TRIGGER_PARAMS: Record<string, Params> = {
  proPipeLinesEvents: { events: ["lead.creation"] },
};
