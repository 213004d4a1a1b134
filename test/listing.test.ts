/**
 * The component as its marketplace listing shows it: action descriptions short enough for the
 * tile (the details live in the input comments), placeholders on inputs whose form matters.
 */
import { describe, expect, it } from "vitest";
import { connections } from "../src/connections";
import { component, registry } from "./helpers";

/** The longest description the marketplace tile shows whole (two short lines). */
const TILE = 100;

const tooLong = registry.filter((e) => e.description.length > TILE).map((e) => e.key);

describe("marketplace listing", () => {
  it(`every action's description fits the tile (at most ${TILE} characters)`, () => {
    expect(tooLong).toEqual([]);
  });

  it("date, time, email and phone inputs show their form as a placeholder", () => {
    const inputs = Object.values(component.actions).flatMap((action) =>
      action.inputs.map((input) => ({ ...input, action: action.key })),
    );
    const formatted = inputs.filter((input) =>
      /^(YYYY-MM-DD|HH:MM|name@company\.com|\+1 )/.test(String(input.placeholder ?? "")),
    );
    expect(formatted.length).toBeGreaterThan(10);
    for (const input of inputs.filter((i) =>
      /Date$|^Created At$|Reminder Time/.test(String(i.label)),
    )) {
      expect(input.placeholder, `${input.action}.${input.key}`).toMatch(/YYYY-MM-DD|HH:MM/);
    }
  });
});

describe("connections", () => {
  it("declare every secret (API key, password) write-only", () => {
    const secrets = connections.flatMap((connection) =>
      Object.entries(connection.inputs)
        .filter(([, input]) => input.type === "password")
        .map(([key, input]) => [`${connection.key}.${key}`, input.writeOnly]),
    );
    expect(secrets).toEqual([
      ["apiKey.apiKey", true],
      ["userLogin.password", true],
    ]);
  });
});
