/**
 * Errors a flow builder can read and a flow can branch on.
 *
 * Every error this component throws is one of two classes, built from scratch so that
 * nothing from the request (headers, credentials, the raw axios error) rides along:
 * - `InputError`: an input was wrong; no request was sent.
 * - `ApiError`: Pro Pipe Lines answered with an error status, or could not be reached.
 */

/** A bad input, refused before any request spends the account's daily quota. */
export class InputError extends Error {
  readonly input: string;

  constructor(input: string, problem: string) {
    super(`${input}: ${problem}`);
    this.name = "InputError";
    this.input = input;
  }
}

/** What a non-developer should do about each status the API documents. */
const HINTS: Record<number, string> = {
  400: "Check the inputs named in the message.",
  401: "Check the connection: the API key, user email and password, or act-as user may be wrong, or this action needs the account's API key rather than a user login.",
  402: "The Pro Pipe Lines account's subscription is suspended: pay the subscription to use the API again.",
  403: "The Pro Pipe Lines account's edition does not include this feature: upgrade the edition or remove this step.",
  404: "The record does not exist (it may have been deleted) or the connection's user cannot see it: check the ID.",
  409: "The record already exists.",
  422: "Pro Pipe Lines could not process these values: check the inputs.",
  429: "The account's daily quota of 2000 API requests is spent; requests are refused until it resets.",
};

function hintFor(status: number, apiMessage: string): string {
  if (status === 401 && /USER token/i.test(apiMessage)) {
    return "This action is only allowed with the account's API key: use an API Key connection without Act as user.";
  }
  if (status === 401 && /privilege/i.test(apiMessage)) {
    return "The connection's user is not an admin: use an admin user or the API Key connection.";
  }
  if (HINTS[status]) return HINTS[status];
  if (status >= 500) return "Pro Pipe Lines had a temporary problem: try again later.";
  return "";
}

export interface ApiErrorDetails {
  status: number;
  /** The API's machine code (`record_not_found`, `unauthorized_invalid_token`, …), when given. */
  type?: string;
  /** The API's own message. */
  apiMessage: string;
  method: string;
  /** The path relative to /api/v2, without the query string. */
  path: string;
  /** For 429: when the quota resets, as the API reported it. */
  resetAt?: string;
  retryAfterSeconds?: number;
  /** For network failures: the socket error code (ECONNRESET, ETIMEDOUT, …). */
  code?: string;
}

/** Pro Pipe Lines refused a request, or could not be reached (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly type?: string;
  readonly apiMessage: string;
  readonly hint: string;
  readonly method: string;
  readonly path: string;
  readonly resetAt?: string;
  readonly retryAfterSeconds?: number;
  readonly code?: string;

  constructor(details: ApiErrorDetails, hint = hintFor(details.status, details.apiMessage)) {
    const where = `${details.method} ${details.path}`;
    const head =
      details.status === 0
        ? `Pro Pipe Lines could not be reached (${details.code ?? "network error"}) on ${where}`
        : `Pro Pipe Lines answered ${details.status} on ${where}`;
    let fullHint = hint;
    if (details.status === 429 && details.resetAt) {
      fullHint = `${hint} The quota resets at ${details.resetAt}.`;
    } else if (details.status === 429 && details.retryAfterSeconds !== undefined) {
      fullHint = `${hint} Try again in ${details.retryAfterSeconds} seconds.`;
    }
    const stated = `${head}: ${details.apiMessage}`.replace(/[.\s]+$/, "");
    super(fullHint ? `${stated}. ${fullHint}` : `${stated}.`);
    this.name = "ApiError";
    this.status = details.status;
    this.type = details.type;
    this.apiMessage = details.apiMessage;
    this.hint = fullHint;
    this.method = details.method;
    this.path = details.path;
    this.resetAt = details.resetAt;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.code = details.code;
  }
}

/** Header names whose values are credentials. */
export const SECRET_HEADERS = ["x-api-key", "x-user-token", "authorization", "cookie"];

/**
 * The component's `hooks.error`: every error leaves the component as an `InputError` or
 * `ApiError`, or as a plain `Error` carrying only a message (never a raw axios error,
 * whose `config.headers` would hold the API key).
 */
export function toFriendlyError(error: unknown): Error {
  if (error instanceof ApiError || error instanceof InputError) return error;
  if (error instanceof Error) {
    const plain = new Error(redactSecrets(error.message));
    plain.name = error.name;
    return plain;
  }
  return new Error(redactSecrets(typeof error === "string" ? error : String(error)));
}

const TOKEN_LIKE =
  /(x-api-key|x-user-token|authorization|password|token)(["']?\s*[:=]\s*["']?)([^\s"',}]+)/gi;

/** Last line of defence for messages from elsewhere (spectral, Node): mask credential-shaped values. */
export function redactSecrets(text: string): string {
  return text.replace(TOKEN_LIKE, "$1$2[redacted]");
}
