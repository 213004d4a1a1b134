/**
 * Shared test wiring: the built component under spectral's harness, connections to the
 * emulator, and secret-leak checks.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ConnectionDefinition } from "@prismatic-io/spectral";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { DEFAULT_API_KEY, Emulator, type EmulatorOptions } from "./emulator";

const requireFromRoot = createRequire(join(process.cwd(), "package.json"));

type BuiltComponent = Parameters<typeof createHarness>[0];

/** The component as published: dist/index.js (built by globalSetup). */
export const component: BuiltComponent = requireFromRoot("./dist/index.js").default;
export const harness = createHarness(component);

const connectionKey = (key: string) => ({ key }) as ConnectionDefinition;

export const USER_PASSWORD = "correct horse battery staple";

export function apiKeyConnection(
  emu: Emulator,
  fields: { apiKey?: string; actAsUser?: string; account?: string } = {},
) {
  return createConnection(connectionKey("apiKey"), {
    account: fields.account ?? emu.account,
    apiKey: fields.apiKey ?? DEFAULT_API_KEY,
    actAsUser: fields.actAsUser ?? "",
  });
}

export function loginConnection(
  emu: Emulator,
  email = "stef@example.com",
  password = USER_PASSWORD,
) {
  return createConnection(connectionKey("userLogin"), { account: emu.account, email, password });
}

/** Starts an emulator for the test file, empties its request log before each test, stops it after. */
export function useEmulator(opts: EmulatorOptions = {}): Emulator {
  const emu = new Emulator(opts);
  beforeAll(async () => {
    await emu.start();
  });
  afterAll(async () => {
    await emu.stop();
  });
  beforeEach(() => {
    emu.clearLog();
  });
  return emu;
}

type Params = Record<string, unknown>;

/** Runs actions through the harness, on the emulator's API-key connection unless given another. */
export const actionRunner =
  (emu: Emulator) =>
  (key: string, params: Params = {}, connection?: unknown) =>
    harness.action(key, { connection: connection ?? apiKeyConnection(emu), ...params });

/** Like `actionRunner`, resolving to the action result's `data`. */
export const dataRunner = (emu: Emulator) => {
  const run = actionRunner(emu);
  return async (key: string, params: Params = {}, connection?: unknown) =>
    (await run(key, params, connection))?.data as never;
};

/** The `data` of an action's result, typed for the test. */
export const dataOf = <T>(result: unknown): T => (result as { data: T }).data;

/** Runs an action through the harness and returns what it threw (fails if it did not throw). */
export async function actionError(
  key: string,
  params: Record<string, unknown>,
  context = {},
): Promise<Error & Record<string, unknown>> {
  try {
    await harness.action(key, params, context);
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error(`Action ${key} did not fail`);
}

/** Every own property of an error, as a log or a platform would serialize it. */
export function serialize(error: unknown): string {
  if (!error || typeof error !== "object") return String(error);
  return JSON.stringify(error, Object.getOwnPropertyNames(error));
}
