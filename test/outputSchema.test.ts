/**
 * Every action's `outputSchema` (derived from its example in src/endpoint/schema.ts) against
 * what the action really returns: its example payload, and the emulator's answer to its typical
 * call, each on a fresh emulator. The list is the registry's, so new actions are checked too.
 * Then the derivation rules themselves, on small examples.
 */
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { type JsonSchema, schemaHints, schemaOf } from "../src/endpoint/schema";
import { startEmulator } from "./emulator";
import { apiKeyConnection, component, dataOf, harness, registry } from "./helpers";
import { outputSchemaOf as schemaOfAction, schemaProblem, validatorOf } from "./schemas";
import { typicalParams } from "./typicalCalls";

const ajv = new Ajv({ strict: true });

function expectValid(key: string, data: unknown, what: string): void {
  const problem = schemaProblem(key, data);
  expect(problem, `${key}: ${what} against its outputSchema`).toBeUndefined();
}

/** An object schema's required keys (of the record itself, or of a list's items). */
function requiredOf(schema: JsonSchema): { path: "record" | "item"; keys: string[] } {
  if (schema.items) return { path: "item", keys: schema.items.required ?? [] };
  return { path: "record", keys: schema.required ?? [] };
}

/** Raw Request returns whatever the API answers: its schema is declared as any JSON. */
const ANY_ANSWER = new Set(registry.filter((e) => e.outputSchema).map((e) => e.key));

describe("every action declares the schema of its output", () => {
  it("the registry has actions, each with a JSON Schema ajv compiles in strict mode", () => {
    expect(registry.length).toBeGreaterThan(60);
    for (const endpoint of registry) {
      expect(schemaOfAction(endpoint.key), endpoint.key).toBeTypeOf("object");
      expect(validatorOf(endpoint.key)).toBeTypeOf("function");
    }
  });

  it("only Raw Request's schema is declared rather than derived", () => {
    expect([...ANY_ANSWER]).toEqual(["rawRequest"]);
  });

  for (const endpoint of registry) {
    it(`${endpoint.key}: its example payload validates`, () => {
      const payload = component.actions[endpoint.key]?.examplePayload as { data: unknown };
      expectValid(endpoint.key, payload.data, "the example payload");
    });
  }

  for (const endpoint of registry.filter((e) => !ANY_ANSWER.has(e.key))) {
    it(`${endpoint.key}: the schema is not vacuous (typed; a record without a required key fails)`, () => {
      const schema = schemaOfAction(endpoint.key);
      const type = [schema.type].flat();
      expect(type, endpoint.key).toEqual([Array.isArray(endpoint.example) ? "array" : "object"]);
      const payload = component.actions[endpoint.key]?.examplePayload as { data: unknown };
      const { path, keys } = requiredOf(schema);
      expect(keys.length, `${endpoint.key} required keys`).toBeGreaterThan(0);
      const validate = validatorOf(endpoint.key);
      for (const key of keys) {
        const data = structuredClone(payload.data) as Record<string, unknown>;
        const record = path === "item" ? (data as unknown as Record<string, unknown>[])[0] : data;
        if (!record) continue;
        delete record[key];
        expect(validate(data), `${endpoint.key} without ${key}`).toBe(false);
      }
      expect(validate("not the output"), `${endpoint.key} given a string`).toBe(false);
    });
  }
});

describe("the emulator's answers validate against the schemas", () => {
  /** The `data` of the action's typical call, on a fresh emulator. */
  async function typicalData(key: string): Promise<unknown> {
    const endpoint = registry.find((e) => e.key === key);
    if (!endpoint) throw new Error(`no endpoint ${key}`);
    const emu = await startEmulator();
    try {
      const result = await harness.action(key, {
        connection: apiKeyConnection(emu),
        ...typicalParams(endpoint),
      });
      return dataOf(result);
    } finally {
      await emu.stop();
    }
  }

  for (const endpoint of registry) {
    it(`${endpoint.key}: its typical call's data validates`, async () => {
      const data = await typicalData(endpoint.key);
      expect(data, endpoint.key).toBeDefined();
      expectValid(endpoint.key, data, "the emulator's answer");
    });
  }

  it("List Leads with Fetch All returns items of the same schema", async () => {
    const emu = await startEmulator();
    try {
      const data = dataOf(
        await harness.action("listLeads", { connection: apiKeyConnection(emu), fetchAll: true }),
      );
      expect((data as unknown[]).length).toBeGreaterThan(1);
      expectValid("listLeads", data, "Fetch All's answer");
    } finally {
      await emu.stop();
    }
  });
});

describe("how schemas are derived from examples", () => {
  it("objects list the example's keys as required, numbers are numbers, lists merge their items", () => {
    const schema = schemaOf([
      { id: 1, name: "Sales", tags: ["a"], extra: true },
      { id: 2, name: "Support", tags: [] },
    ]);
    expect(schema).toEqual({
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "number" },
          name: { type: "string" },
          tags: { type: "array", items: { type: "string" } },
          extra: { type: "boolean" },
        },
        required: ["id", "name", "tags"],
      },
    });
  });

  it("a key null in any example is nullable everywhere, typed from the others", () => {
    const hints = schemaHints([{ amount: null, remind_date: null }, { amount: 12.5 }]);
    const schema = schemaOf({ amount: 2400, remind_date: null, closed_at: null }, hints);
    expect(schema.properties).toEqual({
      amount: { type: ["number", "null"] },
      // Null wherever it appears in the examples: any value.
      remind_date: {},
      closed_at: {},
    });
    const typed = schemaOf({ remind_date: null }, schemaHints([{ remind_date: "2026-03-12" }]));
    expect(typed.properties?.remind_date).toEqual({ type: ["string", "null"] });
  });

  it("a null property is typed by the same key in the same parent first", () => {
    const hints = schemaHints([
      { fields: { email: "a@b.c" } },
      { comment: { email: { id: 1, subject: "Hi" } } },
    ]);
    const schema = schemaOf({ fields: { email: null } }, hints);
    expect(schema.properties?.fields?.properties?.email).toEqual({ type: ["string", "null"] });
  });

  it("an empty list takes its items from the same key elsewhere", () => {
    const hints = schemaHints([{ tags: ["prospect"] }]);
    expect(schemaOf({ tags: [] }, hints).properties?.tags).toEqual({
      type: "array",
      items: { type: "string" },
    });
    expect(schemaOf({ follow_ups: [] }).properties?.follow_ups).toEqual({
      type: "array",
      items: {},
    });
  });

  it("fields_by_name is a map of the account's field names, not fixed keys", () => {
    const schema = schemaOf({ fields_by_name: { Firstname: "John", "Job title": null } });
    expect(schema.properties?.fields_by_name).toEqual({
      type: "object",
      additionalProperties: { type: ["string", "null"] },
    });
    const validate = ajv.compile(schema);
    expect(validate({ fields_by_name: { Prénom: "Jean" } })).toBe(true);
    expect(validate({ fields_by_name: { Prénom: 3 } })).toBe(false);
  });

  it("leads gain contactFields and contact, every contact key a string or null", () => {
    const schema = schemaOfAction("getLead");
    expect(schema.required).toEqual(expect.arrayContaining(["contactFields", "contact"]));
    const contact = schema.properties?.contact;
    expect(contact?.required).toContain("email");
    expect(contact?.properties?.email).toEqual({ type: ["string", "null"] });
    const list = schemaOfAction("listLeads");
    expect(list.items?.required).toEqual(expect.arrayContaining(["contactFields", "contact"]));
  });
});
