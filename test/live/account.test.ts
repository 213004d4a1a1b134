/**
 * The built component against a real Pro Pipe Lines account (`npm run test:live`, which runs
 * nothing without one). Read-only by default: every read-only action that needs no record, the
 * data sources, one lead; each answer checked against the action's output schema, so the
 * schemas derived from the examples meet the live API. PROPIPELINES_LIVE_WRITE=1 adds a lead's
 * round trip (create from the Lead Fields Form, update, delete), cleaned up whatever happens.
 * Each test spends a few of the account's 2000 daily requests (about 20 in all).
 */
import { describe, expect, it } from "vitest";
import type { RegisteredEndpoint } from "../../src/endpoint";
import { component, harness, registry } from "../harness";
import { LIVE_SETUP, liveConnection } from "../liveConnection";
import { schemaProblem } from "../schemas";

const live = liveConnection();
if (!live) throw new Error(`No account: ${LIVE_SETUP}. Run the live tests with npm run test:live.`);
const { connection } = live;
const writes = process.env.PROPIPELINES_LIVE_WRITE === "1";

type Data = Record<string, unknown>;

async function data<T = unknown>(key: string, params: Record<string, unknown> = {}): Promise<T> {
  const result = await harness.action(key, { connection, ...params });
  const out = (result as { data: T }).data;
  expect(
    schemaProblem(key, out),
    `${key}: the live answer against its output schema`,
  ).toBeUndefined();
  return out;
}

/** The Lead Fields Form's field names, in its order. */
async function formLabels(): Promise<string[]> {
  const { result } = await harness.dataSource("leadFieldsForm", { connection });
  const form = result as unknown as { uiSchema: { elements: Array<{ label: string }> } };
  return form.uiSchema.elements.map((element) => element.label);
}

/** Whether the connection may call the endpoint (API-key-only ones need the key itself). */
const allowed = (endpoint: RegisteredEndpoint) =>
  endpoint.access !== "apiKey" ||
  (live.key === "apiKey" && !(live.connection.fields as Data).actAsUser);

/** Read-only actions with no required input besides the connection: safe to call anywhere. */
const readOnly = registry.filter((endpoint) => {
  const action = component.actions[endpoint.key];
  const needs = action?.inputs.filter((i) => i.required && i.type !== "connection") ?? [];
  return (
    (action as { performSafety?: string } | undefined)?.performSafety === "SAFE" &&
    needs.length === 0 &&
    allowed(endpoint)
  );
});

describe(`read-only, on ${live.account}`, () => {
  it("Test Connection: the account accepts the credentials", async () => {
    const answer = await data<{ status: number }>("testConnection");
    expect(answer.status).toBe(200);
  });

  for (const endpoint of readOnly.filter((e) => e.key !== "testConnection")) {
    it(`${endpoint.key}: answers data its output schema accepts`, async () => {
      // One small page of a list: the shape is what is checked, not the volume. The sample
      // fills what a search needs (Find Leads: an email).
      await data(endpoint.key, {
        ...endpoint.sample,
        ...(endpoint.pagination ? { limit: "5" } : {}),
      });
    });
  }

  it("Get Lead: the newest lead, with its contact fields", async () => {
    const leads = await data<Data[]>("listLeads", { limit: "1" });
    if (leads.length === 0) return; // an account without leads: nothing to get
    const lead = await data<Data>("getLead", { leadId: String(leads[0]?.id) });
    expect(lead.id).toBe(leads[0]?.id);
    expect(lead.contact).toBeTypeOf("object");
  });

  it("Lead Fields Form: one form field per lead field of the account, in its order", async () => {
    const fields = await data<Array<{ name: string; position: number }>>("listFields", {
      parentType: "lead",
    });
    const labels = await formLabels();
    const byPosition = [...fields].sort((a, b) => a.position - b.position).map((f) => f.name);
    // Names a contact line cannot hold are left out (and named in the form's description).
    expect(labels).toEqual(byPosition.filter((name) => labels.includes(name)));
    expect(labels.length).toBeGreaterThan(0);
  });

  it("Select Step and Select User: dropdown entries", async () => {
    for (const key of ["selectStep", "selectUser"]) {
      const { result } = await harness.dataSource(key, { connection });
      for (const entry of result as Array<{ key: unknown; label: unknown }>) {
        expect(typeof entry.key, key).toBe("string");
        expect(typeof entry.label, key).toBe("string");
      }
    }
  });
});

if (writes) {
  describe(`writes (PROPIPELINES_LIVE_WRITE=1), on ${live.account}`, () => {
    it("a lead from the Lead Fields Form: created, updated, deleted", async () => {
      const [first] = await formLabels();
      const contactFields = first ? { [first]: "Live test" } : undefined;
      let id: unknown;
      try {
        const created = await data<Data>("createLead", {
          title: `Prismatic live test ${new Date().toISOString()}`,
          contactFields,
          description: "Created by npm run test:live; deleted at the end of the test.",
        });
        id = created.id;
        if (first) expect((created.contactFields as Data)[first]).toBe("Live test");
        // The title: an unassigned lead (API key, no owner) takes no amount or status.
        const title = `${String(created.title)} (updated)`;
        const updated = await data<Data>("updateLead", { leadId: String(id), title });
        expect(updated.title).toBe(title);
      } finally {
        if (id !== undefined) await data("deleteLead", { leadId: String(id) });
      }
    });
  });
} else {
  console.log("Write tests not run: set PROPIPELINES_LIVE_WRITE=1 to add them.");
}
