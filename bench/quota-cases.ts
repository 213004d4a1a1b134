/**
 * A typical valid call per action (and the invalid ones), for the quota-efficiency bench.
 *
 * Every action of the component needs an entry here: an action without one is reported as
 * "no case" and fails the bench, so a new action gets its typical call (and its minimum) the
 * day it is added. Inputs are strings, as the platform sends them; `connection` is added (API
 * key) unless a case sets it. `minimum` defaults to 1 (one endpoint, one request).
 */
import type { Emulator } from "../test/emulator";
import { apiKeyConnection, type ConnectionValue, harness, USER_PASSWORD } from "./component";

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

const PAGE = 100;
const idOf = (data: unknown) => String((data as { id?: unknown })?.id);
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
/** The leads GET /leads lists by default (unassigned ones are left out). */
const assignedLeads = (emu: Emulator) =>
  [...emu.store.leads.values()].filter((lead) => lead.user_id !== null).length;
const newLead = (emu: Emulator) => emu.store.addLead({ title: "Doomed", user_id: 514 }).id;
const newProspect = async ({ run }: SetupContext) => {
  const [row] = (await run("addProspects", { prospectingListId: "112", content: rows(1) })) as [
    unknown,
  ];
  return { prospectingListId: "112", prospectId: idOf(row) };
};
const newUser = async ({ run }: SetupContext) => ({
  userId: idOf(await run("createUser", { email: `bench-${Date.now()}@example.com` })),
});

export const ACTION_CASES: Record<string, QuotaCase> = {
  // General
  testConnection: {},
  rawRequest: { params: { method: "GET", path: "/leads/8113" } },

  // Auth
  logInAsUser: { params: { user: "stef@example.com" } },
  logIn: { params: { email: "stef@example.com", password: USER_PASSWORD } },
  logOut: { note: "API key: the API answers 304, nothing to log out" },

  // Account setup
  listActivities: {},
  listClientFolders: {},
  createClientFolder: { params: { name: "Bench Client" } },
  getClientFolder: { params: { clientFolderId: "12" } },
  updateClientFolder: { params: { clientFolderId: "12", name: "Acme", status: "active" } },
  deleteClientFolder: {
    params: async ({ run }) => ({
      clientFolderId: idOf(await run("createClientFolder", { name: "Doomed" })),
    }),
  },
  listFields: {},
  createField: { params: { name: "Bench field", parentType: "lead" } },
  listSteps: {},
  getStep: { params: { step: "1189" } },
  listPipelines: {},
  listCategories: {},
  createCategory: { params: { name: "Bench category" } },
  listPredefinedTags: {},
  createPredefinedTag: { params: { name: "Bench tag", categoryId: "12" } },

  // Teams and users
  listTeams: {},
  createTeam: { params: { name: "Bench Team" } },
  getTeam: { params: { teamId: "2" } },
  updateTeam: { params: { teamId: "3", name: "Marketing" } },
  deleteTeam: {
    params: async ({ run }) => ({
      teamId: idOf(await run("createTeam", { name: "Doomed" })),
    }),
  },
  addTeamMember: { params: { teamId: "3", userId: "516" } },
  removeTeamMember: { params: { teamId: "2", userId: "515" } },
  listUsers: {},
  createUser: { params: { email: "bench.user@example.com" } },
  getUser: { params: { userId: "514" } },
  sendUserActivationEmail: { params: newUser },
  disableUser: { params: newUser },

  // Prospecting lists
  listProspectingLists: {},
  createProspectingList: {
    params: {
      title: "Bench list",
      content: JSON.stringify([
        ["Company", "Email"],
        ["Acme", ""],
      ]),
    },
  },
  getProspectingList: { params: { prospectingListId: "112" } },
  assignProspectingList: { params: { prospectingListId: "112", userId: "515" } },
  commentOnProspectingList: { params: { prospectingListId: "112", content: "Bench comment" } },
  commentOnProspect: {
    params: { prospectingListId: "112", prospectId: "108", content: "Bench comment" },
  },
  addProspects: {
    params: { prospectingListId: "112", content: rows(250) },
    minimum: Math.ceil(250 / PAGE),
    note: "250 rows in batches of 100",
  },
  updateProspect: {
    params: async (setup) => ({ ...(await newProspect(setup)), content: rows(1).slice(1, -1) }),
  },
  createLeadFromProspect: { params: newProspect },
  deleteProspect: { params: newProspect },
  listProspectsCalledFrom: { params: { phoneNumber: "654 234 7623" } },

  // Leads
  listLeads: {
    params: async ({ emu }) => {
      emu.store.seedLeads(250);
      return { fetchAll: "true", limit: String(PAGE), maxRecords: "1000" };
    },
    minimum: (emu) => Math.ceil(Math.min(assignedLeads(emu), 1000) / PAGE),
    note: "Fetch All over every assigned lead, page size 100",
  },
  listUnassignedLeads: {},
  getLead: { params: { leadId: "8113" } },
  createLead: { params: { title: "Bench Lead", description: "Email: bench@example.com" } },
  updateLead: { params: { leadId: "8112", title: "Acme Corp", status: "won" } },
  assignLead: { params: { leadId: "8112", user: "515" } },
  addLeadToClientFolder: { params: { leadId: "8112", clientFolderId: "12" } },
  getLeadBusinessCard: { params: { leadId: "8113" } },
  deleteLead: { params: ({ emu }) => ({ leadId: String(newLead(emu)) }) },
  deleteLeads: {
    params: ({ emu }) => ({ ids: [newLead(emu), newLead(emu), newLead(emu)].map(String) }),
    note: "3 leads, one delete_multiple request",
  },
  listLeadComments: { params: { leadId: "8113" } },
  createLeadComment: { params: { leadId: "8113", content: "Bench comment" } },
  deleteLeadComment: {
    params: async ({ run }) => ({
      leadId: "8113",
      commentId: idOf(await run("createLeadComment", { leadId: "8113", content: "Doomed" })),
    }),
  },
  listLeadDuplicates: { params: { leadId: "8113" } },
  listLeadAttachments: { params: { leadId: "8113" } },
  getLeadAttachment: { params: { leadId: "8113", attachmentId: "422" } },
  uploadLeadAttachment: { params: { leadId: "8113", file: "Bench notes", fileName: "notes.txt" } },
  deleteLeadAttachment: {
    params: async ({ run }) => ({
      leadId: "8113",
      attachmentId: idOf(
        await run("uploadLeadAttachment", { leadId: "8113", file: "x", fileName: "doomed.txt" }),
      ),
    }),
  },
  listLeadActionHistories: { params: { leadId: "8113" } },
  sendEmailFromTemplate: { params: { leadId: "8113", emailTemplateId: "10" } },

  // Webhooks
  listWebhooks: {},
  createWebhook: {
    params: ({ sinkUrl }) => ({ event: "lead.creation", targetType: "url", target: sinkUrl }),
  },
  deleteWebhook: {
    params: async ({ run, sinkUrl }) => ({
      webhookId: idOf(
        await run("createWebhook", {
          event: "lead.deleted",
          targetType: "url",
          target: sinkUrl,
          addToLeadActionMenu: "",
        }),
      ),
    }),
  },
  listWebhookEvents: {},
  getWebhookEvent: { params: { webhookEventId: "984" } },
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
    // Pages of 100 up to its default maximum of 300, unassigned leads included.
    minimum: (emu) => Math.max(1, Math.ceil(Math.min(emu.store.leads.size, 300) / PAGE)),
    note: "default maximum 300, pages of 100",
  },
};

/** Trigger inputs, when the defaults are not a typical configuration. */
export const TRIGGER_PARAMS: Record<string, Params> = {
  proPipeLinesEvents: { events: ["lead.creation"] },
};
