/**
 * `npm start`: a scripted tour of the built component (dist/index.js) through spectral's test
 * harness, as Prismatic would run its steps: a bad input refused for free, Create or Update Lead
 * run twice (one lead), a contact-field change that keeps the notes, Count Leads, a signed
 * webhook delivery taking its branch, and an API error in a builder's words.
 *
 * By default it starts the local Pro Pipe Lines emulator (no account, no network). To point it at
 * a real account instead, give a connection (test/liveConnection.ts):
 *   PROPIPELINES_ACCOUNT=acme PROPIPELINES_API_KEY=… npm start
 *   PRISMATIC_CONNECTION_VALUE='{"fields":{…}}' npm start   (or under prism components:dev:run)
 * The signed delivery needs an API Key connection (deliveries are signed with the key).
 * Against a real account only read-only steps run, unless PROPIPELINES_DEMO_WRITE=1 is set
 * (the write steps then create or update one lead, demo.contact@example.com, in that account).
 */
import { DEFAULT_API_KEY, type Emulator, startEmulator } from "../test/emulator";
import {
  apiKeyConnection,
  type ConnectionValue,
  delivery,
  harness,
  signedEvent,
} from "../test/harness";
import { liveConnection } from "../test/liveConnection";

type Params = Record<string, unknown>;
type Result = { data?: unknown; result?: unknown; branch?: string } | undefined;
type Results = Record<string, unknown>;

interface DemoStep {
  title: string;
  /** Action key, `ds:<key>` for a data source, `trigger:<key>` for a trigger. */
  run: string;
  params?: (results: Results) => Params;
  /** For a trigger: the delivery it receives, signed with the connection's API key. */
  payload?: (results: Results, apiKey: string) => unknown;
  /** Writes to the account: skipped on a real account unless PROPIPELINES_DEMO_WRITE=1. */
  writes?: boolean;
  /** The step shows a refusal: its error is the point, not a failure. */
  fails?: boolean;
  /** Name under which the step's data is kept for later steps. */
  keep?: string;
  /** What to print of the data (default: a short summary). */
  show?: (data: unknown, results: Results) => string;
}

const CONTACT = {
  Firstname: "Ada",
  Lastname: "Lovelace",
  Email: "demo.contact@example.com",
};

/** The web form's submission, as Create or Update Lead receives it. */
const FORM = {
  title: "Analytical Engines Ltd (demo)",
  contactFields: Object.entries(CONTACT).map(([key, value]) => ({ key, value })),
  description: "Sent the contact form: wants a quote for 3 engines.",
  tags: ["webform"],
};

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : {};

const leadOf = (value: unknown) => record(record(value).lead);

function upserted(data: unknown): string {
  const lead = leadOf(data);
  const { action, changed } = record(data);
  return `action: ${action}, changed: ${changed}, lead ${lead.id} "${lead.title}", tags ${JSON.stringify(lead.tags)}, contact ${JSON.stringify(record(lead.contact).email)}`;
}

const STEPS: DemoStep[] = [
  { title: "Check the connection", run: "testConnection" },
  {
    title: "A bad input is refused before any request (a status on a lead nobody owns)",
    run: "createLead",
    fails: true,
    params: () => ({ title: "Refused", description: "x", status: "won" }),
  },
  {
    title: "Form → Create or Update Lead (first run)",
    run: "upsertLead",
    writes: true,
    keep: "first",
    params: () => FORM,
    show: upserted,
  },
  {
    title: "The same form again (a retry): found, nothing to write, still one lead",
    run: "upsertLead",
    writes: true,
    keep: "second",
    params: () => FORM,
    show: upserted,
  },
  {
    title: "Find Leads by email (unassigned leads included, mentions in comments ignored)",
    run: "findLeads",
    params: () => ({ email: CONTACT.Email }),
    show: (data) => {
      const { found, count } = record(data);
      return `found: ${found}, count: ${count} (leads whose contact Email is ${CONTACT.Email})`;
    },
  },
  {
    title: "Update Lead Contact Fields: a new Phone line, the notes kept",
    run: "updateLeadContactFields",
    writes: true,
    params: (r) => ({
      leadId: String(leadOf(r.first).id),
      contactFields: [{ key: "Phone", value: "+44 20 7946 0018" }],
    }),
    show: (data) => {
      const text = String(record(data).description ?? "");
      const kept = ["Firstname: Ada", CONTACT.Email, "wants a quote for 3 engines"].every((part) =>
        text.includes(part),
      );
      return `Phone line added: ${text.includes("Phone: +44 20 7946 0018")}; other lines and the notes kept: ${kept}\n      description: ${JSON.stringify(text)}`;
    },
  },
  {
    title: "Count Leads per status (no lead fetched: one request per status)",
    run: "countLeads",
  },
  {
    title: "A signed webhook delivery (lead won) reaches the Lead Won branch, 0 requests",
    run: "trigger:proPipeLinesEvents",
    params: () => ({ events: ["lead.status.changed.to.won"] }),
    show: (data) => `branch: ${record(data).branch}`,
    payload: (r, apiKey) => {
      const lead = leadOf(r.first);
      const data = { id: lead.id ?? 8113, title: lead.title ?? "Loretta Inc.", status: "Won" };
      return delivery({
        webhook_event: signedEvent(9001, "lead.status.changed.to.won", data, apiKey),
      });
    },
  },
  {
    title: "An API error in the builder's words (a lead that does not exist)",
    run: "getLead",
    fails: true,
    params: () => ({ leadId: "999999999" }),
  },
  { title: "List users (active ones by default)", run: "listUsers" },
];

function summary(value: unknown): string {
  if (Array.isArray(value)) {
    const first = value[0] ? ` first: ${JSON.stringify(value[0]).slice(0, 110)}` : "";
    return `${value.length} item(s)${first}`;
  }
  const text = JSON.stringify(value) ?? "null";
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

type State = Record<string, unknown>;

/** Runs a step as Prismatic would; actions share the instance state (the user token). */
async function runStep(step: DemoStep, params: Params, results: Results, state: State) {
  const [kind, key] = step.run.includes(":") ? step.run.split(":") : ["action", step.run];
  if (kind === "ds") {
    return { data: ((await harness.dataSource(key as string, params)) as Result)?.result };
  }
  if (kind === "trigger") {
    const connection = params.connection as ConnectionValue;
    const apiKey = connection.key === "apiKey" ? String(connection.fields.apiKey ?? "") : "";
    if (!apiKey) throw new Error("needs an API Key connection: deliveries are signed with the key");
    const payload = step.payload?.(results, apiKey);
    const result = (await harness.trigger(key as string, payload as never, params)) as Result;
    return { data: { branch: result?.branch } };
  }
  return (await harness.action(key as string, params, { instanceState: state })) as Result & {
    instanceState?: State;
  };
}

async function main(): Promise<void> {
  const live = liveConnection();
  let emulator: Emulator | undefined;
  let connection: ConnectionValue;
  if (live) {
    connection = live.connection;
    console.log(`Pro Pipe Lines demo on the account ${live.account} (from ${live.source})`);
  } else {
    emulator = await startEmulator();
    connection = apiKeyConnection(emulator, { apiKey: DEFAULT_API_KEY });
    console.log(
      `Pro Pipe Lines demo on the local emulator (${emulator.account}); no account or network needed.`,
    );
  }
  const allowWrites = !live || process.env.PROPIPELINES_DEMO_WRITE === "1";

  const results: Results = {};
  let instanceState: State = {};
  let failures = 0;
  let ran = 0;
  for (const [index, step] of STEPS.entries()) {
    const label = `${String(index + 1).padStart(2)}. ${step.title}`;
    if (step.writes && !allowWrites) {
      console.log(`${label} — skipped (writes; set PROPIPELINES_DEMO_WRITE=1 to run it)`);
      continue;
    }
    const params = { connection, ...(step.params?.(results) ?? {}) };
    const before = emulator?.log.length ?? 0;
    const sent = () => {
      if (!emulator) return "";
      const lines = emulator.log.slice(before).map((r) => `${r.method} ${r.path} → ${r.status}`);
      return ` — ${lines.length} request(s)${lines.length ? `: ${lines.join(", ")}` : ""}`;
    };
    try {
      const result = await runStep(step, params, results, instanceState);
      ran += 1;
      if (result && "instanceState" in result && result.instanceState) {
        instanceState = { ...instanceState, ...result.instanceState };
      }
      if (step.keep) results[step.keep] = result?.data;
      if (step.fails) {
        failures += 1;
        console.log(`${label}${sent()}\n      UNEXPECTED: it did not fail`);
        continue;
      }
      const shown = step.show ? step.show(result?.data, results) : summary(result?.data);
      console.log(`${label}${sent()}\n      ${shown}`);
    } catch (error) {
      const message = (error as Error).message;
      if (step.fails) {
        ran += 1;
        console.log(`${label}${sent()}\n      ${(error as Error).name}: ${message}`);
      } else {
        failures += 1;
        console.log(`${label} — FAILED${sent()}: ${message}`);
      }
    }
  }
  if (emulator) {
    const leads = [...emulator.store.leads.values()].filter((lead) =>
      lead.description.includes(CONTACT.Email),
    );
    console.log(
      `\n${ran} step(s) ran; ${leads.length} lead(s) for ${CONTACT.Email}; the emulator counted ${emulator.requestsToday} API request(s) of its 2000/day quota.`,
    );
    await emulator.stop();
  }
  if (failures) {
    console.error(`${failures} step(s) failed.`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
