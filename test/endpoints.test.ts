/**
 * The registry against the API document's list of endpoints (test/fixtures/endpoints.json):
 * every documented endpoint is declared, and every declaration's typical call (derived from its
 * inputs' examples) sends its declared request and is answered, each on a fresh emulator.
 */
import { describe, expect, it } from "vitest";
import type { RegisteredEndpoint } from "../src/endpoint";
import { type LoggedRequest, startEmulator } from "./emulator";
import endpoints from "./fixtures/endpoints.json";
import { apiKeyConnection, component, harness, registry } from "./helpers";
import { typicalParams } from "./typicalCalls";

/** `/leads/{id}/comments` (any placeholder names) → a pattern for logged paths. */
function pathPattern(template: string): RegExp {
  const source = template
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`^${source}/?$`);
}

/** Path templates compared without their placeholders' names. */
const shape = (path: string) => path.replace(/\{\w+\}/g, "{}");

/** Raw Request sends whatever it is given: its declared path is a placeholder. */
const declared = registry.filter((endpoint) => endpoint.key !== "rawRequest");

describe("the registry covers the API document", () => {
  it("declares every documented endpoint", () => {
    const inRegistry = new Set(declared.map((e) => `${e.method} ${shape(e.path)}`));
    const missing = endpoints
      .map((e) => `${e.method} ${shape(e.path)}`)
      .filter((e) => !inRegistry.has(e));
    expect(missing).toEqual([]);
  });

  it("makes one action of each declaration, and no other", () => {
    expect(Object.keys(component.actions).sort()).toEqual(registry.map((e) => e.key).sort());
  });
});

describe("each declaration's typical call sends its request and is answered", () => {
  async function typicalCall(endpoint: RegisteredEndpoint): Promise<LoggedRequest[]> {
    const emu = await startEmulator();
    try {
      await harness.action(endpoint.key, {
        connection: apiKeyConnection(emu),
        ...typicalParams(endpoint),
      });
      return emu.log;
    } finally {
      await emu.stop();
    }
  }

  for (const endpoint of declared) {
    it(`${endpoint.key}: ${endpoint.method} ${endpoint.path}`, async () => {
      const sent = await typicalCall(endpoint);
      const pattern = pathPattern(endpoint.path);
      const answered = sent.filter(
        (r) => r.method === endpoint.method && pattern.test(r.path) && r.status < 400,
      );
      expect(answered.length, JSON.stringify(sent.map((r) => [r.method, r.path]))).toBe(1);
    });
  }
});
