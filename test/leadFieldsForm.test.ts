/**
 * Lead Fields Form (a jsonForm data source) through the harness on the built component, against
 * the emulator: one GET /fields?type=lead, one form field per lead field in the account's order
 * with its type; then Create Lead given the form's value as Contact Fields.
 */
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { FIELDS_TABLE, type Field } from "./emulator/resources/fields";
import {
  actionRunner,
  apiKeyConnection,
  component,
  dataOf,
  expectSent,
  harness,
  useEmulator,
} from "./helpers";

const emu = useEmulator();
const run = actionRunner(emu);

interface FormProperty {
  type: string;
  title: string;
  description: string;
  format?: string;
}
interface Form {
  schema: { type: string; description: string; properties: Record<string, FormProperty> };
  uiSchema: {
    type: string;
    elements: Array<{ type: string; scope: string; label: string; options?: object }>;
  };
  data: Record<string, unknown>;
}

async function form(): Promise<Form> {
  const { result } = await harness.dataSource("leadFieldsForm", {
    connection: apiKeyConnection(emu),
  });
  return result as Form;
}

/** Adds lead fields for the duration of `body`, removed after. */
async function withFields(
  fields: Array<Omit<Field, "created_at" | "updated_at" | "is_key">>,
  body: () => Promise<void>,
) {
  const table = emu.store.table<Field>(FIELDS_TABLE);
  const time = "2026-01-05T10:00:00.000Z";
  for (const field of fields) {
    table.set(field.id, { ...field, is_key: false, created_at: time, updated_at: time });
  }
  try {
    await body();
  } finally {
    for (const field of fields) table.delete(field.id);
  }
}

describe("Lead Fields Form", () => {
  it("is a jsonForm data source with the connection as its only input", () => {
    const source = component.dataSources.leadFieldsForm as unknown as {
      dataSourceType: string;
      inputs: Array<{ key: string }>;
      examplePayload: { result: Form };
    };
    expect(source.dataSourceType).toBe("jsonForm");
    expect(source.inputs.map((i) => i.key)).toEqual(["connection"]);
    // The example shows the lead fields of src/examples/fields.ts, not the client folder's.
    expect(Object.keys(source.examplePayload.result.schema.properties)).toEqual([
      "Firstname",
      "Lastname",
      "Email",
    ]);
  });

  it("one GET /fields?type=lead; a text field per lead field, in order, email as an email", async () => {
    const { schema, uiSchema, data } = await form();
    expectSent(emu, [{ method: "GET", path: "/fields", query: { type: "lead" } }]);
    expect(schema.type).toBe("object");
    expect(schema.properties).toEqual({
      Firstname: {
        type: "string",
        title: "Firstname",
        description: "The contact's first name.",
      },
      Lastname: { type: "string", title: "Lastname", description: "The contact's last name." },
      Email: { type: "string", title: "Email", description: "An email address.", format: "email" },
    });
    expect(uiSchema).toEqual({
      type: "VerticalLayout",
      elements: [
        { type: "Control", scope: "#/properties/Firstname", label: "Firstname" },
        { type: "Control", scope: "#/properties/Lastname", label: "Lastname" },
        { type: "Control", scope: "#/properties/Email", label: "Email" },
      ],
    });
    expect(data).toEqual({});
  });

  it("follows the account's positions, not the ids; an address is multi-line; others are text", async () => {
    await withFields(
      [
        { id: 9001, name: "Web site", type: "web", parent_type: "lead", position: 0 },
        { id: 9002, name: "Postal address", type: "address", parent_type: "lead", position: 2 },
        { id: 9003, name: "Budget", type: "unset", parent_type: "lead", position: 9 },
        { id: 9004, name: "Billing", type: "address", parent_type: "client", position: 3 },
      ],
      async () => {
        const { schema, uiSchema } = await form();
        expect(uiSchema.elements.map((e) => e.label)).toEqual([
          "Web site",
          "Firstname",
          "Lastname",
          "Postal address",
          "Email",
          "Budget",
        ]);
        expect(Object.keys(schema.properties)).toEqual(uiSchema.elements.map((e) => e.label));
        expect(uiSchema.elements[3]).toEqual({
          type: "Control",
          scope: "#/properties/Postal address",
          label: "Postal address",
          options: { multi: true },
        });
        expect(schema.properties.Budget).toEqual({
          type: "string",
          title: "Budget",
          description: "Text.",
        });
        expect(schema.properties["Web site"]?.description).toMatch(/web address/);
      },
    );
  });

  it("escapes names for the scope, and leaves out (and names) fields a contact line cannot hold", async () => {
    await withFields(
      [
        { id: 9011, name: "Source/Channel", type: "unset", parent_type: "lead", position: 4 },
        { id: 9012, name: "Notes: internal", type: "unset", parent_type: "lead", position: 5 },
      ],
      async () => {
        const { schema, uiSchema } = await form();
        expect(uiSchema.elements.map((e) => e.scope)).toContain("#/properties/Source~1Channel");
        expect(schema.properties).not.toHaveProperty("Notes: internal");
        expect(schema.description).toMatch(/Not in the form .*: Notes: internal\./);
      },
    );
  });

  it("the form's schema accepts a filled form and refuses a malformed email", async () => {
    const { schema } = await form();
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate({ Firstname: "John", Email: "john.doe@acme.com" })).toBe(true);
    expect(validate({ Email: "not an email" })).toBe(false);
  });
});

describe("Create Lead takes the form's value as Contact Fields", () => {
  it("writes one contact line per filled field, in the form's order, empty ones skipped", async () => {
    const { uiSchema } = await form();
    // What the designer hands the step: the form's value, an object keyed by field name.
    const value: Record<string, string> = {
      Firstname: "John",
      Lastname: "",
      Email: "john@acme.com",
    };
    expect(Object.keys(value)).toEqual(uiSchema.elements.map((e) => e.label));
    emu.clearLog();
    const result = await run("createLead", {
      title: "Acme",
      contactFields: value,
      description: "Met at the fair.",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads",
        body: {
          title: "Acme",
          description: "Firstname: John\nEmail: john@acme.com\n---\nMet at the fair.",
        },
      },
    ]);
    expect(dataOf<{ contactFields: unknown }>(result).contactFields).toEqual({
      Firstname: "John",
      Email: "john@acme.com",
    });
  });

  it("the form's value as a JSON string (a config variable's text) works the same", async () => {
    await run("createLead", {
      title: "Acme",
      contactFields: JSON.stringify({ Firstname: "Ann", Email: "ann@acme.com", Lastname: "" }),
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads",
        body: { title: "Acme", description: "Firstname: Ann\nEmail: ann@acme.com" },
      },
    ]);
  });
});
