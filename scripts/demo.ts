/**
 * `npm start`: a scripted tour of the built component (dist/index.js) through spectral's test
 * harness, as Prismatic would run its steps.
 *
 * By default it starts the local Pro Pipe Lines emulator (no account, no network). To point it at
 * a real account instead, give a connection (test/liveConnection.ts):
 *   PROPIPELINES_ACCOUNT=acme PROPIPELINES_API_KEY=… npm start
 *   PRISMATIC_CONNECTION_VALUE='{"fields":{…}}' npm start   (or under prism components:dev:run)
 * Against a real account only read-only steps run, unless PROPIPELINES_DEMO_WRITE=1 is set
 * (the write steps create a lead, a comment and a team in that account).
 */
import { DEFAULT_API_KEY, type Emulator, startEmulator } from "../test/emulator";
import { apiKeyConnection, type ConnectionValue, harness } from "../test/harness";
import { liveConnection } from "../test/liveConnection";

type Params = Record<string, unknown>;
type Result = { data?: unknown; result?: unknown } | undefined;

interface DemoStep {
  title: string;
  /** Action key, or `ds:<key>` for a data source. */
  run: string;
  params?: (results: Record<string, unknown>) => Params;
  /** Writes to the account: skipped on a real account unless PROPIPELINES_DEMO_WRITE=1. */
  writes?: boolean;
  /** Name under which the step's data is kept for later steps. */
  keep?: string;
}

const STEPS: DemoStep[] = [
  { title: "Check the connection", run: "testConnection" },
  { title: "List the pipeline steps", run: "listSteps" },
  { title: "Pick a step (data source)", run: "ds:selectStep" },
  { title: "Pick a user (data source)", run: "ds:selectUser" },
  {
    title: "Create a lead",
    run: "createLead",
    writes: true,
    keep: "lead",
    params: () => ({
      title: "Awesome Company",
      contactFields: [
        { key: "Firstname", value: "John" },
        { key: "Lastname", value: "Doe" },
        { key: "Email", value: "john.doe@company.com" },
      ],
      description: "Met at the trade show; wants a quote.",
      tags: ["prospect", "demo"],
      userId: "stef@example.com",
    }),
  },
  {
    title: "Update the lead: move it to In-touch and set an amount",
    run: "updateLead",
    writes: true,
    params: (r) => ({ leadId: idOf(r.lead), stepId: "1190", amount: "2400", probability: "40" }),
  },
  {
    title: "Comment on the lead",
    run: "createLeadComment",
    writes: true,
    params: (r) => ({ leadId: idOf(r.lead), content: "Called John: quote sent." }),
  },
  {
    title: "List leads in To do",
    run: "listLeads",
    params: () => ({ status: ["todo"], limit: "5" }),
  },
  { title: "List users", run: "listUsers" },
  { title: "List teams", run: "listTeams" },
  { title: "List client folders", run: "listClientFolders" },
  { title: "List prospecting lists", run: "listProspectingLists" },
  { title: "List webhooks", run: "listWebhooks" },
];

function idOf(value: unknown): string {
  return value && typeof value === "object" && "id" in value
    ? String((value as { id: unknown }).id)
    : "";
}

function summary(value: unknown): string {
  if (Array.isArray(value)) {
    const first = value[0] ? ` first: ${JSON.stringify(value[0]).slice(0, 110)}` : "";
    return `${value.length} item(s)${first}`;
  }
  if (value && typeof value === "object" && "title" in value) {
    // A lead: show what a sales-ops person checks, not the whole record.
    const lead = value as Record<string, unknown>;
    const picked = ["id", "title", "status", "step", "amount", "probability", "tags"].filter(
      (k) => k in lead,
    );
    return JSON.stringify(Object.fromEntries(picked.map((k) => [k, lead[k]])));
  }
  const text = JSON.stringify(value) ?? "null";
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
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

  const results: Record<string, unknown> = {};
  let instanceState: Record<string, unknown> = {};
  let failures = 0;
  let ran = 0;
  for (const [index, step] of STEPS.entries()) {
    const label = `${String(index + 1).padStart(2)}. ${step.title}`;
    const isDataSource = step.run.startsWith("ds:");
    const key = isDataSource ? step.run.slice(3) : step.run;
    if (step.writes && !allowWrites) {
      console.log(`${label} — skipped (writes; set PROPIPELINES_DEMO_WRITE=1 to run it)`);
      continue;
    }
    const params = { connection, ...(step.params?.(results) ?? {}) };
    const before = emulator?.log.length ?? 0;
    try {
      const result = (
        isDataSource
          ? await harness.dataSource(key, params)
          : await harness.action(key, params, { instanceState })
      ) as Result & { instanceState?: Record<string, unknown> };
      ran += 1;
      instanceState = { ...instanceState, ...(result?.instanceState ?? {}) };
      const data = isDataSource ? result?.result : result?.data;
      if (step.keep) results[step.keep] = data;
      const sent = emulator
        ? emulator.log
            .slice(before)
            .map((r) => `${r.method} ${r.path} → ${r.status}`)
            .join(", ")
        : "";
      console.log(`${label}\n      ${key}${sent ? `: ${sent}` : ""}\n      ${summary(data)}`);
    } catch (error) {
      failures += 1;
      console.log(`${label} — FAILED: ${(error as Error).message}`);
    }
  }
  if (emulator) {
    console.log(
      `\n${ran} step(s) ran; the emulator counted ${emulator.requestsToday} API request(s) of its 2000/day quota.`,
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
