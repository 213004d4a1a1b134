/**
 * Shared test wiring: the built component under spectral's harness and connections to the
 * emulator (from ./harness), the emulator's lifecycle per test file, action runners, the one
 * assertion of what was sent (`expectSent`) and secret-leak checks.
 */
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { Emulator, type EmulatorOptions } from "./emulator";
import type { MultipartPart } from "./emulator/http";
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

/**
 * A request as a loopback server recorded it: the emulator's `log` (`LoggedRequest`) or a hostile
 * server's (`Received`, whose body is the raw string).
 */
export interface SentRequest {
  method: string;
  /** Relative to /api/v2, as received (still percent-encoded). */
  path: string;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** As the server holds it: the emulator's parsed JSON (`undefined`: none), a hostile server's text. */
  body: unknown;
  parts?: MultipartPart[];
  /** The status the server answered (-1: it dropped the connection); the emulator only. */
  status?: number;
}

/** A request a test expects a server to have received (see `expectSent`). */
export interface ExpectedRequest {
  method: string;
  /** Relative to /api/v2, as sent (still percent-encoded). */
  path: string;
  /** Every query parameter, as received (strings): `{}` means none. */
  query?: Record<string, string>;
  /** The body as the server holds it (see `SentRequest`); `undefined` means no JSON body. */
  body?: unknown;
  /** The parts of a multipart/form-data body (an upload); `[]` means none. */
  parts?: MultipartPart[];
  /** The named headers only, names in lower case; `undefined` means the header was not sent. */
  headers?: Record<string, unknown>;
  /** The status the emulator answered (-1: it dropped the connection). */
  status?: number;
}

const line = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/**
 * Asserts the requests a server received since its log was last emptied (`useEmulator` and
 * `useHostile` empty it before each test), in order: the count, and each one's method and path,
 * always; its `query`, `body` and `parts` exactly, the named `headers` and the `status`, when the
 * expectation has that key (values may be vitest's asymmetric matchers). `source` is the emulator
 * or a hostile server (both have a `log`); `what` names the case in failures (in a loop).
 * `expectSent(emu, [])` asserts that nothing was sent. Returns the requests.
 */
export function expectSent<R extends SentRequest>(
  source: { readonly log: readonly R[] },
  expected: ExpectedRequest[],
  what?: string,
): R[] {
  const sent = [...source.log];
  const prefix = what ? `${what}: ` : "";
  expect(sent.map(line), `${prefix}requests sent (METHOD /path, in order)`).toEqual(
    expected.map(line),
  );
  expected.forEach((want, i) => {
    const got = sent[i] as R;
    const which = `${prefix}request ${i + 1} of ${sent.length}, ${line(got)}:`;
    if ("query" in want) expect(got.query, `${which} query`).toEqual(want.query);
    if ("body" in want) expect(got.body, `${which} body`).toEqual(want.body);
    if ("parts" in want) expect(got.parts, `${which} parts`).toEqual(want.parts);
    if ("headers" in want) {
      const names = Object.keys(want.headers ?? {});
      const upper = names.filter((name) => name !== name.toLowerCase());
      if (upper.length) throw new Error(`expectSent: header names are lower case, not ${upper}`);
      const picked = Object.fromEntries(names.map((name) => [name, got.headers[name]]));
      expect(picked, `${which} headers`).toEqual(want.headers);
    }
    if ("status" in want) expect(got.status, `${which} status`).toBe(want.status);
  });
  return sent;
}

/** The Authorization header of HTTP Basic auth. */
export const basicAuth = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/**
 * A step logger whose lines (errors serialized whole) land in `output`, for checks that no
 * credential is ever logged.
 */
export function captureLogs() {
  const output: string[] = [];
  const capture = (...args: unknown[]) => {
    output.push(args.map((a) => (typeof a === "string" ? a : serialize(a))).join(" "));
  };
  const logger = {
    info: capture,
    debug: capture,
    warn: capture,
    error: capture,
    log: capture,
    trace: capture,
    metric: capture,
  };
  return { output, capture, logger };
}

/** Every own property of an error, as a log or a platform would serialize it. */
export function serialize(error: unknown): string {
  if (!error || typeof error !== "object") return String(error);
  return JSON.stringify(error, Object.getOwnPropertyNames(error));
}
