/**
 * Data sources (picklists) through the harness on the built component, against the emulator:
 * results, request counts, filters, empty accounts and errors; then a walk over the component
 * definition checking that every ID input names its picklist.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ACTIVITIES_TABLE, type Activity } from "./emulator/resources/activities";
import { CLIENT_FOLDERS_TABLE } from "./emulator/resources/clientFolders";
import { FIELDS_TABLE } from "./emulator/resources/fields";
import { LISTS } from "./emulator/resources/prospectingLists";
import { CATEGORIES_TABLE, PREDEFINED_TAGS_TABLE } from "./emulator/resources/tags";
import { TEAMS } from "./emulator/resources/teams";
import { webhooksOf } from "./emulator/resources/webhooks";
import type { Emulator } from "./emulator/server";
import type { Step } from "./emulator/store";
import {
  apiKeyConnection,
  component,
  errorOf,
  expectSent,
  harness,
  loginConnection,
  serialize,
  useEmulator,
} from "./helpers";

const emu = useEmulator();

type Picked = Array<{ key: string; label: string }>;

async function pick(
  key: string,
  params: Record<string, unknown> = {},
  on: Emulator = emu,
): Promise<Picked> {
  const { result } = await harness.dataSource(key, { connection: apiKeyConnection(on), ...params });
  return result as Picked;
}

/** What a data source threw (fails if it did not throw). */
const pickError = (key: string, params: Record<string, unknown>) =>
  errorOf(harness.dataSource(key, params), `Data source ${key}`);

/** Adds a record to a table for the duration of `body`. */
async function withRecord<T>(
  table: Map<number, T>,
  record: T & { id: number },
  body: () => Promise<void>,
): Promise<void> {
  table.set(record.id, record);
  try {
    await body();
  } finally {
    table.delete(record.id);
  }
}

const labels = (picked: Picked) => picked.map((p) => p.label);

describe("every picklist", () => {
  const KEYS = [
    "selectLead",
    "selectStep",
    "selectStepName",
    "selectUser",
    "selectPipeline",
    "selectClientFolder",
    "selectTeam",
    "selectProspectingList",
    "selectActivity",
    "selectCategory",
    "selectPredefinedTag",
    "selectPredefinedTagName",
    "selectField",
    "selectWebhook",
  ];

  it("exists with a connection input and a picklist example payload", () => {
    const picklists = Object.entries(component.dataSources)
      .filter(([, source]) => source.dataSourceType === "picklist")
      .map(([key]) => key);
    expect(picklists.sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      const source = component.dataSources[key] as unknown as {
        dataSourceType: string;
        inputs: Array<{ key: string; type: string }>;
        examplePayload?: { result: Picked };
      };
      expect(source.dataSourceType, key).toBe("picklist");
      expect(source.inputs.find((i) => i.key === "connection")?.type, key).toBe("connection");
      const example = source.examplePayload?.result ?? [];
      expect(example.length, key).toBeGreaterThan(0);
      for (const item of example) {
        expect(Object.keys(item).sort(), key).toEqual(["key", "label"]);
        expect(typeof item.key, key).toBe("string");
      }
    }
  });
});

describe("steps and pipelines", () => {
  it("selectStep: “Pipeline › Step” in pipeline then position order, from one GET /steps", async () => {
    expect(await pick("selectStep")).toEqual([
      { key: "1192", label: "Accounting funnel › Invoice sent" },
      { key: "1193", label: "Accounting funnel › Paid" },
      { key: "1189", label: "Sales funnel › Incoming" },
      { key: "1190", label: "Sales funnel › In-touch" },
      { key: "1191", label: "Sales funnel › Closing" },
    ]);
    expectSent(emu, [{ method: "GET", path: "/steps" }]);
  });

  it("selectStepName: the exact step name as key, once per name", async () => {
    const namesake: Step = {
      id: 1194,
      name: "Incoming",
      position: 3,
      pipeline_id: 26,
      created_at: "2015-04-22T22:03:20.000Z",
      updated_at: "2015-04-22T22:03:20.000Z",
    };
    await withRecord(emu.store.steps, namesake, async () => {
      expect(await pick("selectStepName")).toEqual([
        { key: "Invoice sent", label: "Accounting funnel › Invoice sent" },
        { key: "Paid", label: "Accounting funnel › Paid" },
        { key: "Incoming", label: "Accounting funnel › Incoming" },
        { key: "In-touch", label: "Sales funnel › In-touch" },
        { key: "Closing", label: "Sales funnel › Closing" },
      ]);
    });
    expectSent(emu, [{ method: "GET", path: "/steps" }]);
  });

  it("selectPipeline: pipelines by name", async () => {
    expect(await pick("selectPipeline")).toEqual([
      { key: "26", label: "Accounting funnel" },
      { key: "25", label: "Sales funnel" },
    ]);
    expectSent(emu, [{ method: "GET", path: "/pipelines" }]);
  });
});

describe("users and teams", () => {
  it("selectUser: “Firstname Lastname <email>”, sorted, disabled users left out", async () => {
    expect(await pick("selectUser")).toEqual([
      { key: "515", label: "John Doe <john.doe@mycompany.com>" },
      { key: "514", label: "Stéphanie Stone <stef@example.com>" },
      { key: "516", label: "Support <support@mycompany.com>" },
    ]);
    expectSent(emu, [{ method: "GET", path: "/users", query: {} }]);
  });

  it("selectUser: disabled users on request, marked as such", async () => {
    const picked = await pick("selectUser", { includeDisabled: "true" });
    expect(picked[0]).toEqual({
      key: "517",
      label: "Former Employee <former@mycompany.com> (disabled)",
    });
    expect(picked).toHaveLength(4);
    expectSent(emu, [{ method: "GET", path: "/users" }]);
  });

  it("selectUser: accents and case do not disturb the order", async () => {
    const template = emu.store.users.get(515);
    if (!template) throw new Error("seed user 515 is missing");
    const user = {
      ...template,
      id: 9001,
      firstname: "élodie",
      lastname: "Martin",
      email: "e@x.io",
    };
    await withRecord(emu.store.users, user, async () => {
      expect(labels(await pick("selectUser"))).toEqual([
        "élodie Martin <e@x.io>",
        "John Doe <john.doe@mycompany.com>",
        "Stéphanie Stone <stef@example.com>",
        "Support <support@mycompany.com>",
      ]);
    });
  });

  it("selectTeam: teams by name", async () => {
    expect(await pick("selectTeam")).toEqual([
      { key: "3", label: "Marketing" },
      { key: "2", label: "Sales" },
    ]);
    expectSent(emu, [{ method: "GET", path: "/teams" }]);
  });
});

describe("client folders", () => {
  it("selectClientFolder: active folders only by default", async () => {
    expect(await pick("selectClientFolder")).toEqual([{ key: "12", label: "Acme" }]);
    expectSent(emu, [{ method: "GET", path: "/clients" }]);
  });

  it("selectClientFolder: inactive folders on request, marked as such", async () => {
    expect(await pick("selectClientFolder", { includeInactive: "true" })).toEqual([
      { key: "12", label: "Acme" },
      { key: "2", label: "Corporate (inactive)" },
    ]);
    expectSent(emu, [{ method: "GET", path: "/clients" }]);
  });
});

describe("categories and predefined tags", () => {
  it("selectCategory: categories by name", async () => {
    expect(await pick("selectCategory")).toEqual([
      { key: "12", label: "Origin" },
      { key: "13", label: "Product" },
    ]);
    expectSent(emu, [{ method: "GET", path: "/categories" }]);
  });

  it("selectPredefinedTag: “Category › Tag”, sorted", async () => {
    expect(await pick("selectPredefinedTag")).toEqual([
      { key: "59", label: "Origin › Asia" },
      { key: "58", label: "Origin › Europe" },
      { key: "54", label: "Origin › US" },
      { key: "62", label: "Product › Computer" },
      { key: "60", label: "Product › Phone" },
      { key: "61", label: "Product › Tablet" },
    ]);
    expectSent(emu, [{ method: "GET", path: "/predefined_tags" }]);
  });

  it("selectPredefinedTagName: the tag name as key", async () => {
    const picked = await pick("selectPredefinedTagName");
    expect(picked.slice(0, 3)).toEqual([
      { key: "Asia", label: "Origin › Asia" },
      { key: "Europe", label: "Origin › Europe" },
      { key: "US", label: "Origin › US" },
    ]);
    expect(picked.map((p) => p.key)).toEqual([
      "Asia",
      "Europe",
      "US",
      "Computer",
      "Phone",
      "Tablet",
    ]);
    expectSent(emu, [{ method: "GET", path: "/predefined_tags" }]);
  });
});

describe("fields and activities", () => {
  it("selectField: lead and client folder fields, labelled with their parent", async () => {
    expect(await pick("selectField")).toEqual([
      { key: "1189", label: "Client folder › Shipping Address" },
      { key: "3", label: "Lead › Email" },
      { key: "1", label: "Lead › Firstname" },
      { key: "2", label: "Lead › Lastname" },
    ]);
    expectSent(emu, [{ method: "GET", path: "/fields", query: {} }]);
  });

  it("selectField: narrowed to lead fields by the API's type parameter", async () => {
    expect(labels(await pick("selectField", { type: "lead" }))).toEqual([
      "Lead › Email",
      "Lead › Firstname",
      "Lead › Lastname",
    ]);
    expectSent(emu, [{ method: "GET", path: "/fields", query: { type: "lead" } }]);
  });

  it("selectActivity: sub-activities labelled with their parent", async () => {
    expect(await pick("selectActivity")).toEqual([
      { key: "271", label: "Call" },
      { key: "272", label: "Call › Answered" },
      { key: "273", label: "Call › Unanswered" },
      { key: "274", label: "E-mail" },
      { key: "275", label: "Meeting" },
    ]);
    expectSent(emu, [{ method: "GET", path: "/activities" }]);
  });

  it("selectActivity: disabled activities only on request", async () => {
    const activities = emu.store.table<Activity>(ACTIVITIES_TABLE);
    const disabled: Activity = {
      id: 276,
      name: "Left a message",
      icon: "phone",
      parent_id: 271,
      color: null,
      kind: "call",
      is_disabled: true,
      position: null,
    };
    await withRecord(activities, disabled, async () => {
      expect(labels(await pick("selectActivity"))).not.toContain("Call › Left a message");
      expect(labels(await pick("selectActivity", { includeDisabled: "true" }))).toContain(
        "Call › Left a message",
      );
    });
    expectSent(emu, [
      { method: "GET", path: "/activities" },
      { method: "GET", path: "/activities" },
    ]);
  });
});

describe("prospecting lists", () => {
  it("selectProspectingList: lists by title from one request, archived ones left out", async () => {
    expect(await pick("selectProspectingList")).toEqual([
      { key: "112", label: "Prospect" },
      { key: "17197", label: "Square prospects" },
    ]);
    expectSent(emu, [
      { method: "GET", path: "/spreadsheets", query: { direction: "desc", limit: "500" } },
    ]);
  });

  it("selectProspectingList: archived lists on request; the Maximum is the request's limit", async () => {
    expect(await pick("selectProspectingList", { includeArchived: "true", maximum: "20" })).toEqual(
      [
        { key: "17198", label: "Circle prospects (archived)" },
        { key: "112", label: "Prospect" },
        { key: "17197", label: "Square prospects" },
      ],
    );
    expectSent(emu, [
      { method: "GET", path: "/spreadsheets", query: { direction: "desc", limit: "20" } },
    ]);
  });
});

describe("webhooks", () => {
  it("selectWebhook: “Name (event)”, sorted, disabled ones marked", async () => {
    expect(await pick("selectWebhook")).toEqual([
      { key: "63", label: "Lead created unassigned (lead.unassigned)" },
      { key: "64", label: "Lead creation notification (lead.creation)" },
      { key: "65", label: "Lead deleted notification (lead.deleted) [disabled]" },
      { key: "62", label: "My webhook (lead.content_has_changed) [disabled]" },
    ]);
    expectSent(emu, [{ method: "GET", path: "/webhooks" }]);
  });

  it("selectWebhook: an unnamed webhook reads “event → target”", async () => {
    const hooks = webhooksOf(emu);
    const template = hooks.get(64);
    if (!template) throw new Error("seed webhook 64 is missing");
    const unnamed = {
      ...template,
      id: 9101,
      name: null,
      event: "lead.won",
      target: "https://x.io/h",
    };
    await withRecord(hooks, unnamed, async () => {
      expect(labels(await pick("selectWebhook"))).toContain("lead.won → https://x.io/h");
    });
  });

  it("selectWebhook with a User Login: the API's refusal, mapped and secret-free", async () => {
    const error = await pickError("selectWebhook", { connection: loginConnection(emu) });
    expect(error.name).toBe("ApiError");
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/API key/);
    expect(serialize(error)).not.toMatch(/correct horse|tok-/);
  });
});

describe("selectLead", () => {
  // An account that serves large pages (the capped and refusing ones: test/transport.*).
  const leadsEmu = useEmulator({ limitCaps: { "/leads": null } });
  /** One page of the unfiltered listing, newest first. */
  const page = (limit: string, offset: string) => ({
    method: "GET",
    path: "/leads",
    query: { direction: "desc", include_unassigned: "true", limit, offset },
  });

  beforeAll(() => {
    const { store } = leadsEmu;
    store.leads.clear();
    // 350 leads, ids ascending: the newest is the last one added.
    for (let n = 1; n <= 350; n++) {
      store.addLead({ title: `Lead ${n}`, status: "todo", step_id: 1189, user_id: 514 });
    }
    store.addLead({
      title: "Zeta Deal",
      status: "won",
      step_id: 1190,
      user_id: 515,
      description: "Email: buyer@zeta.example",
    });
  });

  it("labels leads “Title (status, step)”, newest first, within the default Maximum of 300", async () => {
    const picked = await pick("selectLead", {}, leadsEmu);
    expect(picked).toHaveLength(300);
    expect(picked[0]).toEqual({
      key: String(Math.max(...leadsEmu.store.leads.keys())),
      label: "Zeta Deal (won, In-touch)",
    });
    expect(picked[1]?.label).toBe("Lead 350 (todo, Incoming)");
    const keys = picked.map((p) => Number(p.key));
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    // Large pages where the account serves them: the default set in one request.
    expectSent(leadsEmu, [page("300", "0")]);
  });

  it("a smaller Maximum is the request's limit: 120 in one request", async () => {
    const picked = await pick("selectLead", { maximum: "120" }, leadsEmu);
    expect(picked).toHaveLength(120);
    expectSent(leadsEmu, [page("120", "0")]);
  });

  it("narrows by status, step, user and email in one request", async () => {
    const picked = await pick(
      "selectLead",
      {
        status: ["won", "lost"],
        step: "In-touch",
        user: "john.doe@mycompany.com",
        email: "buyer@zeta.example",
      },
      leadsEmu,
    );
    expect(labels(picked)).toEqual(["Zeta Deal (won, In-touch)"]);
    expectSent(leadsEmu, [
      {
        method: "GET",
        path: "/leads",
        query: {
          direction: "desc",
          status: "won,lost",
          step: "In-touch",
          user_id: "john.doe@mycompany.com",
          email: "buyer@zeta.example",
          include_unassigned: "true",
          limit: "300",
          offset: "0",
        },
      },
    ]);
  });

  it("refuses a bad Maximum before any request", async () => {
    const error = await pickError("selectLead", {
      connection: apiKeyConnection(leadsEmu),
      maximum: "many",
    });
    expect(error.name).toBe("InputError");
    expect(error.message).toMatch(/^Maximum: /);
    expectSent(leadsEmu, []);
  });
});

describe("an empty account", () => {
  const bare = useEmulator();

  beforeAll(() => {
    const { store } = bare;
    for (const table of [store.users, store.steps, store.pipelines, store.leads]) table.clear();
    for (const name of [
      ACTIVITIES_TABLE,
      CLIENT_FOLDERS_TABLE,
      FIELDS_TABLE,
      CATEGORIES_TABLE,
      PREDEFINED_TAGS_TABLE,
      TEAMS,
      LISTS,
    ]) {
      store.table(name).clear();
    }
    webhooksOf(bare).clear();
  });

  it.each([
    ["selectLead", "/leads"],
    ["selectStep", "/steps"],
    ["selectStepName", "/steps"],
    ["selectUser", "/users"],
    ["selectPipeline", "/pipelines"],
    ["selectClientFolder", "/clients"],
    ["selectTeam", "/teams"],
    ["selectActivity", "/activities"],
    ["selectCategory", "/categories"],
    ["selectPredefinedTag", "/predefined_tags"],
    ["selectPredefinedTagName", "/predefined_tags"],
    ["selectField", "/fields"],
    ["selectProspectingList", "/spreadsheets"],
    ["selectWebhook", "/webhooks"],
  ])("%s gives an empty list from one request", async (key, path) => {
    expect(await harness.dataSource(key, { connection: apiKeyConnection(bare) })).toEqual({
      result: [],
    });
    expectSent(bare, [{ method: "GET", path }]);
  });
});

describe("API errors", () => {
  it("a refused API key gives the mapped error, without the key", async () => {
    const error = await pickError("selectStep", {
      connection: apiKeyConnection(emu, { apiKey: "wrong-key-1234567890" }),
    });
    expect(error.name).toBe("ApiError");
    expect(error.status).toBe(401);
    expect(error.message).toMatch(
      /^Pro Pipe Lines answered 401 on GET \/steps: .*Check the connection/,
    );
    expect(serialize(error)).not.toContain("wrong-key-1234567890");
    expectSent(emu, [
      {
        method: "GET",
        path: "/steps",
        headers: { "x-api-key": "wrong-key-1234567890" },
        status: 401,
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Wiring: every input that takes an ID names its picklist.

interface BuiltInput {
  key: string;
  label: string;
  dataSource?: string;
}

/** An input that takes one kind of record, recognised by its key or label (words, lower case). */
interface Rule {
  takes: string;
  pattern: RegExp;
  /** The data sources such an input may name. */
  dataSources: string[];
  /** false: the input may be free text, but a data source it names must be one of these. */
  required?: boolean;
}

const RULES: Rule[] = [
  { takes: "lead id", pattern: /\blead ids?\b/, dataSources: ["selectLead"] },
  { takes: "step id", pattern: /\bstep ids?\b/, dataSources: ["selectStep"] },
  { takes: "step name", pattern: /\bstep names?\b/, dataSources: ["selectStepName"] },
  { takes: "step", pattern: /^steps?$/, dataSources: ["selectStep", "selectStepName"] },
  {
    takes: "user id",
    pattern: /\buser ids?\b|^users?$|^user id or email$/,
    dataSources: ["selectUser"],
  },
  { takes: "pipeline id", pattern: /\bpipeline ids?\b/, dataSources: ["selectPipeline"] },
  {
    takes: "client folder id",
    pattern: /\bclient folder ids?\b|\bclient ids?\b/,
    dataSources: ["selectClientFolder"],
  },
  { takes: "team id", pattern: /\bteam ids?\b|^teams?$/, dataSources: ["selectTeam"] },
  {
    takes: "prospecting list id",
    pattern: /\bprospecting list ids?\b|\bspreadsheet ids?\b/,
    dataSources: ["selectProspectingList"],
  },
  { takes: "activity id", pattern: /\bactivity ids?\b/, dataSources: ["selectActivity"] },
  { takes: "category id", pattern: /\bcategory ids?\b/, dataSources: ["selectCategory"] },
  {
    takes: "predefined tag id",
    pattern: /\b(predefined )?tag ids?\b/,
    dataSources: ["selectPredefinedTag"],
  },
  {
    takes: "tag names",
    pattern: /^tags?$|^tag names?$/,
    dataSources: ["selectPredefinedTagName"],
    required: false,
  },
  { takes: "field id", pattern: /\bfield ids?\b/, dataSources: ["selectField"] },
  { takes: "webhook id", pattern: /\bwebhook ids?\b/, dataSources: ["selectWebhook"] },
];

/** "leadId", "lead_id" and "Lead ID" all read "lead id". */
const words = (text: string) =>
  text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .trim()
    .toLowerCase();

const rulesFor = (input: BuiltInput) =>
  RULES.filter(
    (rule) => rule.pattern.test(words(input.key)) || rule.pattern.test(words(input.label)),
  );

function everyInput(): Array<{ where: string; input: BuiltInput }> {
  const groups = {
    action: component.actions,
    trigger: component.triggers,
    dataSource: component.dataSources,
  } as unknown as Record<string, Record<string, { inputs: BuiltInput[] }>>;
  return Object.entries(groups).flatMap(([kind, record]) =>
    Object.entries(record ?? {}).flatMap(([key, def]) =>
      def.inputs.map((input) => ({ where: `${kind} ${key}, input ${input.key}`, input })),
    ),
  );
}

describe("the component definition", () => {
  it("recognises ID inputs by key or label", () => {
    const takes = (key: string, label: string) =>
      rulesFor({ key, label }).map((rule) => rule.takes);
    expect(takes("id", "Lead ID")).toEqual(["lead id"]);
    expect(takes("leadIds", "Lead IDs")).toEqual(["lead id"]);
    expect(takes("user_id", "Owner")).toEqual(["user id"]);
    expect(takes("step", "Steps")).toEqual(["step"]);
    expect(takes("stepId", "Step ID")).toEqual(["step id"]);
    expect(takes("clientFolderId", "Client Folder ID")).toEqual(["client folder id"]);
    expect(takes("spreadsheetId", "Prospecting List ID")).toEqual(["prospecting list id"]);
    expect(takes("id", "Webhook ID")).toEqual(["webhook id"]);
    expect(takes("id", "Team")).toEqual(["team id"]);
    expect(takes("name", "Team Name")).toEqual([]);
    expect(takes("email", "User Email")).toEqual([]);
    expect(takes("id", "Comment ID")).toEqual([]);
    expect(takes("eventId", "Webhook Event ID")).toEqual([]);
  });

  it("every input that takes an ID names the matching data source", () => {
    const inputs = everyInput();
    const problems: string[] = [];
    let checked = 0;
    for (const { where, input } of inputs) {
      for (const rule of rulesFor(input)) {
        checked += 1;
        const named = input.dataSource;
        if (!named && rule.required === false) continue;
        if (!named || !rule.dataSources.includes(named)) {
          problems.push(
            `${where} (“${input.label}”) takes a ${rule.takes}: expected ${rule.dataSources.join(" or ")}, got ${named ?? "none"}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it("every data source an input names exists", () => {
    const missing = everyInput()
      .filter(({ input }) => input.dataSource && !component.dataSources[input.dataSource])
      .map(({ where, input }) => `${where} names ${input.dataSource}`);
    expect(missing).toEqual([]);
  });
});
