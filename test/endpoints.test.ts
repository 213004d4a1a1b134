/**
 * Every endpoint of the API document (test/fixtures/endpoints.json, the vendor's list) is sent by
 * an action: each action runs its typical call (the cases the quota bench uses) against the
 * emulator, and every documented method + path must appear among the requests, answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_CASES, makeSetup, resolveParams } from "../bench/quota-cases";
import { type Emulator, type LoggedRequest, startEmulator } from "./emulator";
import { type Sink, startSink } from "./emulator/sink";
import endpoints from "./fixtures/endpoints.json";
import { component, harness } from "./helpers";

/** `/leads/{id}/comments` → a pattern for the paths the emulator logs. */
function pathPattern(template: string): RegExp {
  const source = template
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`^${source}/?$`);
}

describe("every documented endpoint", () => {
  let emu: Emulator;
  let sink: Sink;
  /** Requests each action made, by action key. */
  const sent = new Map<string, LoggedRequest[]>();
  const failures: string[] = [];

  beforeAll(async () => {
    emu = await startEmulator();
    sink = await startSink();
    const setup = makeSetup(emu, sink.url);
    for (const key of Object.keys(component.actions).sort()) {
      const spec = ACTION_CASES[key];
      if (!spec) {
        failures.push(`${key}: no typical call in bench/quota-cases.ts`);
        continue;
      }
      const params = await resolveParams(spec, setup);
      const before = emu.log.length;
      try {
        await harness.action(key, params);
      } catch (error) {
        failures.push(`${key}: ${(error as Error).message}`);
      }
      sent.set(key, emu.log.slice(before));
    }
  }, 60_000);

  afterAll(async () => {
    await sink?.stop();
    await emu?.stop();
  });

  it("every action's typical call succeeds against the emulator", () => {
    expect(failures).toEqual([]);
    expect(sent.size).toBe(Object.keys(component.actions).length);
  });

  it("the fixture is the vendor's list of 67 endpoints", () => {
    expect(endpoints).toHaveLength(67);
  });

  for (const endpoint of endpoints) {
    it(`${endpoint.method} ${endpoint.path} is sent by an action and answered`, () => {
      const pattern = pathPattern(endpoint.path);
      const senders = [...sent.entries()]
        .filter(([, requests]) =>
          requests.some(
            (r) =>
              r.method === endpoint.method &&
              pattern.test(r.path) &&
              r.status > 0 &&
              r.status < 400,
          ),
        )
        .map(([key]) => key);
      expect(senders.length, `no action sent ${endpoint.method} ${endpoint.path}`).toBeGreaterThan(
        0,
      );
    });
  }
});
