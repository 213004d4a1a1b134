/**
 * Errors a flow builder can read and a flow can branch on.
 *
 * Every error this component throws is one of these classes, built from scratch so that
 * nothing from the request (headers, credentials, the raw axios error) rides along:
 * - `InputError`: an input was wrong; no request was sent.
 * - `ApiError`: Pro Pipe Lines answered with an error status, a redirect or an unreadable
 *   answer, or could not be reached in time.
 * - `ApiConnectionError`: the API refused the connection's credentials (or the account). It is
 *   spectral's `ConnectionError`, so Prismatic marks the instance's connection, and carries
 *   the same fields as `ApiError` (its `name` is "ApiError" too).
 * - `LimitError`: a bound set by an input (Maximum Records) stopped the work before its end.
 * Messages built from API text go through the connection's redactor first (client.ts).
 */
import { type Connection, ConnectionError } from "@prismatic-io/spectral";
import { redactCredentialShapes } from "./secrets";

export { SECRET_HEADERS } from "./secrets";

/** A bad input, refused before any request spends the account's daily quota. */
export class InputError extends Error {
  readonly input: string;

  constructor(input: string, problem: string) {
    super(`${input}: ${problem}`);
    this.name = "InputError";
    this.input = input;
  }
}

/** `code` of an answer that is not what the endpoint returns (HTML, truncated JSON, …). */
export const UNREADABLE_ANSWER = "UNREADABLE_ANSWER";
/** `code` of a 3xx answer: never followed. */
export const REDIRECT = "REDIRECT";
/** `code` of an attempt aborted by its deadline. */
export const TIMEOUT = "TIMEOUT";

export interface ApiErrorDetails {
  status: number;
  /** The API's machine code (`record_not_found`, `unauthorized_invalid_token`, …), when given. */
  type?: string;
  /** The API's own message (redacted), or what was wrong with the answer. */
  apiMessage: string;
  method: string;
  /** The path relative to /api/v2, without the query string. */
  path: string;
  /** For 429: when the quota resets, as an ISO 8601 date. */
  resetAt?: string;
  retryAfterSeconds?: number;
  /** Network error code (ECONNRESET, …), TIMEOUT, REDIRECT or UNREADABLE_ANSWER. */
  code?: string;
}

/** What a non-developer should do about each status the API documents. */
const HINTS: Record<number, string> = {
  400: "Check the inputs named in the message.",
  402: "The Pro Pipe Lines account's subscription is suspended: pay the subscription to use the API again.",
  403: "The Pro Pipe Lines account's edition does not include this feature: upgrade the edition or remove this step.",
  404: "The record does not exist (it may have been deleted) or the connection's user cannot see it: check the ID.",
  409: "The record already exists.",
  422: "Pro Pipe Lines could not process these values: check the inputs.",
  429: "The account's daily quota of 2000 API requests is spent; requests are refused until it resets.",
};

const API_KEY_ONLY_TYPES = new Set(["not_api_key", "unauthorized_user_token_not_allowed"]);

/** The hint of a 401, from the API's `type` (its message only when there is no type). */
function unauthorizedHint(type: string | undefined, message: string): string {
  const says = (pattern: RegExp) => !type && pattern.test(message);
  if ((type && API_KEY_ONLY_TYPES.has(type)) || /USER token/i.test(message)) {
    return "This action is only allowed with the account's API key: use an API Key connection without Act as User.";
  }
  if (type === "unauthorized_not_admin" || says(/privilege/i)) {
    return "The connection's user is not an admin: use an admin user or the API Key connection.";
  }
  return "Check the connection's Account as well as its credentials: Pro Pipe Lines answers an unknown account exactly like a wrong API key, user email or password.";
}

function hintFor(d: ApiErrorDetails): string {
  if (d.code === REDIRECT) {
    return "Check the connection's Account: enter the account's slug (acme) or its own address (https://acme.propipelines.com). Redirects are never followed, so nothing was sent to the other address.";
  }
  if (d.code === UNREADABLE_ANSWER) {
    return "Pro Pipe Lines may be under maintenance or overloaded: try again later.";
  }
  if (d.status === 401) return unauthorizedHint(d.type, d.apiMessage);
  if (HINTS[d.status]) return HINTS[d.status] as string;
  if (d.status >= 500) return "Pro Pipe Lines had a temporary problem: try again later.";
  if (d.status === 0) {
    return "Check the connection's Account address; if it is right, Pro Pipe Lines may be down or slow: try again later.";
  }
  return "";
}

function headline(d: ApiErrorDetails): string {
  const where = `${d.method} ${d.path}`;
  if (d.status === 0) {
    return `Pro Pipe Lines could not be reached (${d.code ?? "network error"}) on ${where}: ${d.apiMessage}`;
  }
  if (d.code === UNREADABLE_ANSWER) {
    return `Pro Pipe Lines returned an unreadable answer on ${where} (status ${d.status}: ${d.apiMessage})`;
  }
  if (d.code === REDIRECT) {
    return `Pro Pipe Lines answered with a redirect (${d.status}) on ${where}: ${d.apiMessage}`;
  }
  return `Pro Pipe Lines answered ${d.status} on ${where}: ${d.apiMessage}`;
}

function fullHint(d: ApiErrorDetails, hint: string): string {
  if (d.status === 429 && d.resetAt) return `${hint} The quota resets at ${d.resetAt}.`;
  if (d.status === 429 && d.retryAfterSeconds !== undefined) {
    return `${hint} Try again in ${d.retryAfterSeconds} seconds.`;
  }
  return hint;
}

function messageOf(d: ApiErrorDetails, hint: string): string {
  const stated = headline(d).replace(/[.\s]+$/, "");
  return hint ? `${stated}. ${hint}` : `${stated}.`;
}

/** The fields both API error classes carry. */
interface ApiFailure extends ApiErrorDetails {
  hint: string;
}

function failureOf(d: ApiErrorDetails, hint: string): ApiFailure {
  return {
    status: d.status,
    type: d.type,
    apiMessage: d.apiMessage,
    hint,
    method: d.method,
    path: d.path,
    resetAt: d.resetAt,
    retryAfterSeconds: d.retryAfterSeconds,
    code: d.code,
  };
}

// Both classes carry the ApiFailure fields, which their constructors assign (failureOf).
export interface ApiError extends Readonly<ApiFailure> {}
export interface ApiConnectionError extends Readonly<ApiFailure> {}

/** Pro Pipe Lines refused a request, answered with something unusable, or could not be reached. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: every field is assigned in the constructor
export class ApiError extends Error {
  constructor(details: ApiErrorDetails, hint = hintFor(details)) {
    const withReset = fullHint(details, hint);
    super(messageOf(details, withReset));
    this.name = "ApiError";
    Object.assign(this, failureOf(details, withReset));
  }
}

/**
 * A request failed after an earlier request of the same step had written (a lead was created,
 * then moving it to its step failed): the hint says what was written and how to finish, so the
 * step is not simply run again. Passed on as it is, never reworded.
 */
export class PartialWriteError extends ApiError {}

/**
 * The connection's credentials (or its account) were refused. `connection` names the
 * connection for Prismatic; it holds none of its field values.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: every field is assigned in the constructor
export class ApiConnectionError extends ConnectionError {
  constructor(connection: Connection, details: ApiErrorDetails, hint: string) {
    super(
      { key: connection.key, configVarKey: connection.configVarKey, fields: {} },
      messageOf(details, hint),
    );
    this.name = "ApiError";
    Object.assign(this, failureOf(details, hint));
  }
}

/** True for both API error classes. */
const isApiError = (error: unknown): error is ApiError | ApiConnectionError =>
  error instanceof ApiError || error instanceof ApiConnectionError;

/** A bound chosen in an input stopped the work before the end: nothing partial is returned. */
export class LimitError extends Error {
  readonly input: string;
  readonly limit: number;
  /** How many records match, when Pro Pipe Lines said so (X-TOTAL-COUNT). */
  readonly matched?: number;

  constructor(input: string, limit: number, matched?: number) {
    const count =
      matched !== undefined && matched > limit
        ? `${matched} records match, more than ${limit}`
        : `more than ${limit} records match`;
    super(
      `${input}: ${count}, so the list would be incomplete and nothing is returned. Raise ${input} or narrow the filters.`,
    );
    this.name = "LimitError";
    this.input = input;
    this.limit = limit;
    this.matched = matched;
  }
}

/**
 * `API-LIMIT-RESET` as an ISO 8601 date, whether the API gives a date or epoch seconds
 * (milliseconds too); undefined when it is neither.
 */
export function formatResetTime(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let time: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    time = n > 1e12 ? n : n * 1000;
  } else {
    time = Date.parse(value);
  }
  if (!Number.isFinite(time)) return undefined;
  return new Date(time).toISOString().replace(".000Z", "Z");
}

/**
 * The component's `hooks.error`: every error leaves the component as one of the classes above,
 * or as a plain `Error` carrying only a redacted message (never a raw axios error, whose
 * `config.headers` would hold the API key).
 */
export function toFriendlyError(error: unknown): Error {
  if (isApiError(error) || error instanceof InputError || error instanceof LimitError) {
    return error;
  }
  if (error instanceof Error) {
    const plain = new Error(redactCredentialShapes(error.message));
    plain.name = error.name;
    return plain;
  }
  return new Error(redactCredentialShapes(typeof error === "string" ? error : String(error)));
}
