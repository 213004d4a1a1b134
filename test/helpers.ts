/**
 * Shared test wiring: the built component under spectral's harness and connections to the
 * emulator (from ./harness), the emulator's lifecycle per test file, action runners, request-log
 * readers and secret-leak checks.
 */
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { Emulator, type EmulatorOptions, type LoggedRequest } from "./emulator";
import { apiKeyConnection, harness } from "./harness";

export {
  apiKeyConnection,
  component,
  delivery,
  harness,
  loginConnection,
  registry,
  signedEvent,
  USER_PASSWORD,
} from "./harness";

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
/** What Prismatic hands an action besides its inputs (instance state, logger, …). */
type Context = Parameters<typeof harness.action>[2];

/** Runs actions through the harness, on the emulator's API-key connection unless given another. */
export const actionRunner =
  (emu: Emulator) =>
  (key: string, params: Params = {}, connection?: unknown, context?: Context) =>
    harness.action(key, { connection: connection ?? apiKeyConnection(emu), ...params }, context);

/** Like `actionRunner`, resolving to the action result's `data` (typed by the caller). */
export const dataRunner = (emu: Emulator) => {
  const run = actionRunner(emu);
  return async <T = never>(key: string, params: Params = {}, connection?: unknown) =>
    (await run(key, params, connection))?.data as T;
};

/** The `data` of an action's result, typed for the test. */
export const dataOf = <T>(result: unknown): T => (result as { data: T }).data;

/** The `id` of a record. */
export const idOf = (data: unknown) => (data as { id: number }).id;

/** The `id`s of a list of records, in order. */
export const idsOf = (data: unknown) => (data as Array<{ id: number }>).map(idOf);

/** What `promise` rejected with (fails if it resolved); `what` names the call in that failure. */
export async function errorOf(
  promise: Promise<unknown>,
  what = "The call",
): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error(`${what} did not fail`);
}

/** Runs an action through the harness and returns what it threw (fails if it did not throw). */
export async function actionError(
  key: string,
  params: Params,
  context = {},
): Promise<Error & Record<string, unknown>> {
  return errorOf(harness.action(key, params, context), `Action ${key}`);
}

/** Like `actionRunner`, for an action that must fail: resolves to what it threw. */
export const errorRunner = (emu: Emulator) => {
  const run = actionRunner(emu);
  return (key: string, params: Params = {}, connection?: unknown, context?: Context) =>
    errorOf(run(key, params, connection, context), `Action ${key}`);
};

/** `METHOD /path` of every request the emulator received, in order. */
export const calls = (emu: Emulator) => emu.log.map((r) => `${r.method} ${r.path}`);

/**
 * The one request the emulator received. Without a method and path it checks that exactly one
 * was sent; with them, that the log is exactly that one `METHOD /path`.
 */
export function onlyRequest(emu: Emulator): LoggedRequest;
export function onlyRequest(emu: Emulator, method: string, path: string): LoggedRequest;
export function onlyRequest(emu: Emulator, method?: string, path?: string): LoggedRequest {
  if (method === undefined) expect(emu.log).toHaveLength(1);
  else expect(calls(emu)).toEqual([`${method} ${path}`]);
  return emu.log[0] as LoggedRequest;
}

/** `limit` and `offset` of each GET of `path` (a paged listing), in order. */
export const pages = (emu: Emulator, path: string | RegExp) =>
  emu.requests("GET", path).map((r) => ({ limit: r.query.limit, offset: r.query.offset }));

/** The Authorization header of HTTP Basic auth. */
export const basicAuth = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** Every own property of an error, as a log or a platform would serialize it. */
export function serialize(error: unknown): string {
  if (!error || typeof error !== "object") return String(error);
  return JSON.stringify(error, Object.getOwnPropertyNames(error));
}
