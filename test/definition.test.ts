/**
 * The component as a marketplace user sees it: every action, data source and trigger is
 * described, shows an example payload, and explains each of its inputs.
 */
import { describe, expect, it } from "vitest";
import { component } from "./helpers";

interface Described {
  key: string;
  display: { label: string; description: string };
  inputs: Array<{ key: string; label: string; comments?: string; type: string; model?: unknown[] }>;
  examplePayload?: unknown;
}

const groups: Array<[string, Described[]]> = [
  ["action", Object.values(component.actions) as unknown as Described[]],
  ["data source", Object.values(component.dataSources ?? {}) as unknown as Described[]],
  ["trigger", Object.values(component.triggers ?? {}) as unknown as Described[]],
];

describe("component definition", () => {
  it("is the Pro Pipe Lines component with both connections", () => {
    expect(component.key).toBe("propipelines");
    expect(component.display.label).toBe("Pro Pipe Lines");
    expect(component.display.iconPath).toBe("icon.png");
    expect(component.connections?.map((c) => c.key)).toEqual(["apiKey", "userLogin"]);
  });

  for (const [kind, items] of groups) {
    it(`every ${kind} has a unique label, a description and an example payload`, () => {
      expect(items.length).toBeGreaterThan(0);
      const labels = items.map((item) => item.display.label);
      expect(new Set(labels).size).toBe(labels.length);
      for (const item of items) {
        expect(item.display.label, item.key).toMatch(/^[A-Z]/);
        expect(item.display.description.length, item.key).toBeGreaterThan(20);
        expect(item.examplePayload, item.key).toBeDefined();
      }
    });

    it(`every ${kind} input has a label and a comment, and starts with the connection`, () => {
      for (const item of items) {
        expect(item.inputs[0]?.type, `${item.key} first input`).toBe("connection");
        for (const input of item.inputs) {
          expect(input.label, `${item.key}.${input.key}`).toMatch(/^[A-Z]/);
          // Keys read like Prismatic's own components: camelCase, and named after the record
          // ("teamId", not "id"); the API's wire names are mapped in the endpoint declarations.
          expect(input.key, item.key).toMatch(/^[a-z][A-Za-z0-9]*$/);
          expect(input.key, item.key).not.toBe("id");
          expect(input.comments?.length ?? 0, `${item.key}.${input.key} comments`).toBeGreaterThan(
            10,
          );
        }
      }
    });
  }

  it("has Raw Request and Test Connection besides the documented endpoints", () => {
    expect(component.actions.rawRequest).toBeDefined();
    expect(component.actions.testConnection).toBeDefined();
  });
});
