/**
 * Requests per user job: the ten jobs of docs/recipes.md as a builder sets them up, each
 * counted by the emulator next to the fewest the API allows, with the reason. The account is
 * live-like (pages capped at 100) unless a row names another server; the nightly export runs
 * under each. Each job's result is checked too, so a job that "saves" requests by doing less
 * fails.
 */
import type { Emulator } from "../test/emulator";
import { startSink } from "../test/emulator/sink";
import type { Lead } from "../test/emulator/store";
import { delivery } from "../test/harness";
import { type Check, counted, judge, printChecks } from "./checks";
import { apiKeyConnection, harness, startAccount } from "./component";
import { LIVE_LIKE, readMinimum, SERVERS, type ServerBehaviour, useServer } from "./servers";

type Params = Record<string, unknown>;
type Data = Record<string, unknown>;

interface Job {
  subject: string;
  call: string;
  minimum: number;
  floor?: number;
  why: string;
  /** What the job's result must show; a message when it does not. */
  expect: (data: Data, emu: Emulator) => string | undefined;
}

/** A job run as an action; its inputs may need records an earlier step made (not counted). */
interface ActionJob extends Job {
  key: string;
  params: (setup: Setup) => Params | Promise<Params>;
}

interface Setup {
  /** Runs any action on the account and returns its data (not counted). */
  run: (key: string, params: Params) => Promise<Data>;
  /** An unassigned lead (created with the API key) with an email. */
  formLeadId: string;
  /** A lead owned by a user. */
  ownedLeadId: string;
}

/** Runs an action, counted, and checks its result. */
async function measureAction(emu: Emulator, key: string, params: Params, job: Job) {
  const connection = apiKeyConnection(emu);
  const { used, result, error } = await counted(emu, () =>
    harness.action(key, { connection, ...params }),
  );
  const data = ((result as { data?: unknown } | undefined)?.data ?? {}) as Data;
  const problem = error === undefined ? job.expect(data, emu) : undefined;
  return judge({ ...job, spent: used, error, problem });
}

const leadOf = (emu: Emulator, id: unknown): Lead | undefined => emu.store.leads.get(Number(id));
const dayFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const fields = (values: Record<string, string>) => JSON.stringify(values);

const CONTACT = { Firstname: "Ada", Lastname: "Lovelace", Email: "ada@bench.example" };
const UPSERT = { title: "Bench Corp", contactFields: fields(CONTACT), tags: "webform" };
/** The lead the upserts made. */
const upserted = async ({ run }: Setup) =>
  String(((await run("findLeads", { email: CONTACT.Email })).lead as Data).id);

/** Jobs 1, 2 and 6–10 on one live-like account, in the order a builder's flows would run them. */
const LEAD_JOBS: ActionJob[] = [
  {
    key: "findLeads",
    params: () => ({ email: "ann@bench.example" }),
    subject: "Find Leads",
    call: "by email, an unassigned lead",
    minimum: 1,
    why: "1 GET /leads filtered by email, unassigned included (one page holds the matches)",
    expect: (d, emu) => {
      const found = leadOf(emu, (d.lead as Data | null)?.id);
      return d.found === true && found?.user_id === null
        ? undefined
        : "the unassigned lead not found";
    },
  },
  {
    key: "upsertLead",
    params: () => UPSERT,
    subject: "Create or Update Lead",
    call: "a new email: created",
    minimum: 2,
    why: "the API has no upsert: 1 search, 1 POST",
    expect: (d) => (d.action === "created" ? undefined : `action ${d.action}`),
  },
  {
    key: "upsertLead",
    params: () => ({
      ...UPSERT,
      contactFields: fields({ ...CONTACT, Phone: "801 274 0000" }),
      tags: "vip",
    }),
    subject: "Create or Update Lead",
    call: "the same email, a phone and a tag more: updated",
    minimum: 2,
    why: "1 search (its answer holds the description and tags), 1 PUT",
    expect: (d) => (d.action === "updated" ? undefined : `action ${d.action}`),
  },
  {
    key: "updateLeadContactFields",
    params: async (setup) => ({
      leadId: await upserted(setup),
      contactFields: fields({ Phone: "801 274 9999" }),
    }),
    subject: "Update Lead Contact Fields",
    call: "the Phone line of a lead",
    minimum: 2,
    why: "PUT replaces the whole description: 1 GET to read it, 1 PUT",
    expect: (d, emu) => {
      const text = leadOf(emu, d.id)?.description ?? "";
      return text.includes("801 274 9999") && text.includes("Lovelace")
        ? undefined
        : "description lost a line";
    },
  },
  {
    key: "addLeadTags",
    params: async (setup) => ({ leadId: await upserted(setup), tags: "priority" }),
    subject: "Add Tags to Lead",
    call: "1 tag, the others kept",
    minimum: 2,
    why: "PUT replaces the tag list: 1 GET, 1 PUT",
    expect: (d, emu) => {
      const tags = leadOf(emu, d.id)?.tags ?? [];
      return ["webform", "vip", "priority"].every((t) => tags.includes(t))
        ? undefined
        : `tags ${tags.join(",")}`;
    },
  },
  {
    key: "setLeadReminder",
    params: ({ ownedLeadId }) => ({ leadId: ownedLeadId, date: "+3d", time: "09:30" }),
    subject: "Set Lead Reminder",
    call: "in 3 days at 9:30",
    minimum: 1,
    why: "1 PUT: standby and the reminder together",
    expect: (d, emu) => {
      const lead = leadOf(emu, d.id);
      return lead?.remind_date === dayFromNow(3) && lead.remind_time === "09:30"
        ? undefined
        : `reminder ${lead?.remind_date} ${lead?.remind_time}`;
    },
  },
  {
    key: "listReminders",
    params: () => ({}),
    subject: "List Upcoming Reminders",
    call: "today to +7d (the defaults)",
    minimum: 1,
    why: "1 GET /leads of standby leads in the date range (one page)",
    expect: (d) =>
      Array.isArray(d) && d.length === 1 ? undefined : "not the one reminder set above",
  },
  {
    key: "assignLeadRoundRobin",
    params: ({ formLeadId }) => ({ leadId: formLeadId, teamId: "2" }),
    subject: "Assign Lead Round-Robin",
    call: "a team's next active user",
    minimum: 2,
    why: "1 GET of the team's users (who is active), 1 assignment",
    expect: (d) => (d.assignedTo ? undefined : "no user assigned"),
  },
  {
    key: "createLead",
    params: () => ({
      title: "Deal Lead",
      description: "From the bench",
      userId: "stef@example.com",
      stepId: "1190",
      amount: "1000",
    }),
    subject: "Create Lead",
    call: "into a step, with an amount",
    minimum: 2,
    why: "POST /leads takes neither (not documented): 1 POST, 1 PUT",
    expect: (d, emu) => {
      const lead = leadOf(emu, d.id);
      return lead?.step_id === 1190 && lead.amount === 1000 ? undefined : "step or amount";
    },
  },
];

async function leadJobs(): Promise<Check[]> {
  const emu = await startAccount();
  try {
    const connection = apiKeyConnection(emu);
    const run = async (key: string, params: Params) =>
      (await harness.action(key, { connection, ...params }))?.data as Data;
    const formLead = await run("createLead", {
      title: "Form Lead",
      contactFields: fields({ Firstname: "Ann", Email: "ann@bench.example" }),
    });
    const owned = await run("createLead", {
      title: "Owned Lead",
      userId: "stef@example.com",
      contactFields: fields({ Firstname: "Olga" }),
    });
    const setup = { run, formLeadId: String(formLead.id), ownedLeadId: String(owned.id) };
    const checks: Check[] = [];
    for (const job of LEAD_JOBS) {
      checks.push(await measureAction(emu, job.key, await job.params(setup), job));
    }
    return checks;
  } finally {
    await emu.stop();
  }
}

/** Job 3: a lead won → its contact, from the webhook delivery alone. */
async function wonLeadJob(): Promise<Check> {
  const emu = await startAccount();
  const sink = await startSink();
  try {
    const connection = apiKeyConnection(emu);
    const event = "lead.status.changed.to.won";
    await harness.action("createWebhook", {
      connection,
      event,
      targetType: "url",
      target: sink.url,
    });
    await harness.action("updateLead", { connection, leadId: "8113", status: "won" });
    const [received] = await sink.waitFor(1);
    const email = "natalia.bawer@loretta-inc.com";
    const body = JSON.parse((received?.body ?? Buffer.from("{}")).toString("utf8"));
    const payload = delivery(body) as unknown as Parameters<typeof harness.trigger>[1];
    const { used, result, error } = await counted(emu, () =>
      harness.trigger("proPipeLinesEvents", payload, { connection, events: [event] }),
    );
    const branch = (result as { branch?: string } | undefined)?.branch;
    const problem =
      branch !== "Lead Won"
        ? `branch ${branch}`
        : !JSON.stringify(result).includes(email)
          ? "no contact email in the delivery"
          : undefined;
    return judge({
      subject: "Won lead's contact fields",
      call: "signed webhook delivery → Lead Won branch",
      spent: used,
      minimum: 0,
      why: "the delivery carries the lead and its contact fields",
      error,
      problem,
    });
  } finally {
    await sink.stop();
    await emu.stop();
  }
}

const EXPORTED = 1_505;
const OLDER = 300;

/** Job 4: every lead changed since yesterday, Fetch All, on an account with older leads too. */
async function nightlyExport(server: ServerBehaviour): Promise<Check> {
  const emu = await startAccount();
  try {
    useServer(emu, server);
    emu.store.leads.clear();
    emu.clock.set(Date.now() - 3 * 86_400_000);
    emu.bulkCreateLeads(OLDER, { title: (i) => `Old lead ${i}` });
    // Changed since yesterday wherever "now" falls in the day (one lead per second).
    emu.clock.set(Date.now() - 3_600_000);
    emu.bulkCreateLeads(EXPORTED, { fields: { user_id: null } });
    const derived = readMinimum(EXPORTED, server);
    return await measureAction(
      emu,
      "listLeads",
      {
        updatedAfter: "yesterday",
        order: "last_update",
        direction: "asc",
        fetchAll: "true",
        maxRecords: "5000",
      },
      {
        subject: "Nightly export",
        call: `${EXPORTED.toLocaleString("en-US")} of ${(EXPORTED + OLDER).toLocaleString("en-US")} changed since yesterday, ${server.label}`,
        ...derived,
        expect: (d) => {
          const n = (d as unknown as unknown[]).length;
          return n === EXPORTED ? undefined : `${n} leads exported`;
        },
      },
    );
  } finally {
    await emu.stop();
  }
}

const STATUSES = ["todo", "standby", "won", "lost", "cancelled"];
const STEP_IDS = [1189, 1190, 1191, 1192, 1193];

/** Job 5: Count Leads on 1,505 leads (every status and step, a seventh unassigned). */
async function countJobs(): Promise<Check[]> {
  const emu = await startAccount();
  try {
    emu.store.leads.clear();
    for (let i = 0; i < EXPORTED; i++) {
      emu.store.addLead({
        title: `Counted ${i}`,
        status: STATUSES[i % 5] as string,
        step_id: STEP_IDS[i % 3 === 0 ? i % 5 : 1] as number,
        user_id: i % 7 === 0 ? null : 514,
      });
    }
    const names = new Set([...emu.store.steps.values()].map((step) => step.name)).size;
    const total = (d: Data) => (d.total === EXPORTED ? undefined : `total ${d.total}`);
    return [
      await measureAction(
        emu,
        "countLeads",
        { groupBy: "status" },
        {
          subject: "Count Leads",
          call: "1,505 leads by status",
          minimum: STATUSES.length,
          why: "1 X-TOTAL-COUNT per status (limit=1); the 5 add up to the total",
          expect: total,
        },
      ),
      await measureAction(
        emu,
        "countLeads",
        { groupBy: "step" },
        {
          subject: "Count Leads",
          call: `1,505 leads by step (${names} step names)`,
          floor: 1 + names,
          minimum: 2 + names,
          why: "1 GET /steps, 1 count per step name; +1: the total counted, not summed (a lead in no listed step still counts)",
          expect: total,
        },
      ),
    ];
  } finally {
    await emu.stop();
  }
}

export async function jobsBench(): Promise<boolean> {
  const checks = [...(await leadJobs()), await wonLeadJob(), ...(await countJobs())];
  for (const server of SERVERS) checks.push(await nightlyExport(server));
  return printChecks("Requests per user job (docs/recipes.md)", checks, [
    `The account pages as the live API is believed to (${LIVE_LIKE.label}) unless a row names another server; API key connection.`,
  ]);
}
