/**
 * Reading an answer: what a 2xx body must hold for the request's `expect`, and what a failed
 * answer (3xx, 4xx, 5xx) says. Nothing here knows the credentials: the client redacts.
 */
import { type ApiErrorDetails, formatResetTime, REDIRECT, UNREADABLE_ANSWER } from "../errors";
import type { ApiRequest } from "./request";

type Failure = Omit<ApiErrorDetails, "method" | "path">;

type Reading =
  | { ok: true; data: unknown }
  | {
      ok: false;
      failure: Failure /** Worth another attempt of an idempotent request. */;
      retryable: boolean;
    };

/** Longest API message quoted in an error. */
const MAX_MESSAGE = 300;

const unreadable = (status: number, what: string): Reading => ({
  ok: false,
  failure: { status, code: UNREADABLE_ANSWER, apiMessage: what },
  retryable: true,
});

/** A few words on a body that is not JSON, for the error message. */
function describeText(text: string): string {
  if (text.startsWith("<")) {
    const title = /<title[^>]*>([^<]{1,120})/i.exec(text)?.[1]?.trim();
    return title ? `an HTML page ("${title}")` : "an HTML page";
  }
  if (text.startsWith("{") || text.startsWith("[")) return "incomplete or malformed JSON";
  return "text that is not JSON";
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  return typeof value === "object" ? "a JSON object" : `a JSON ${typeof value}`;
}

function readData(req: ApiRequest, status: number, body: string): Reading {
  const expect = req.expect ?? "json";
  const text = body.replace(/^\uFEFF/, "").trim();
  if (!text) {
    const mayBeEmpty =
      expect === "empty" || status === 204 || (req.acceptStatuses?.includes(status) ?? false);
    if (mayBeEmpty && expect !== "list") return { ok: true, data: null };
    const wanted = expect === "list" ? "a list" : "data";
    return unreadable(status, `an empty answer where ${wanted} was expected`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unreadable(status, `${describeText(text)} where JSON was expected`);
  }
  if (expect === "list" && !Array.isArray(data)) {
    return unreadable(status, `${kindOf(data)} where a list was expected`);
  }
  return { ok: true, data };
}

/** Where a redirect pointed, as an origin: enough to diagnose, never followed. */
function redirectTarget(location: string | undefined, baseUrl: string): string {
  if (!location) return "no address";
  try {
    const target = new URL(location, baseUrl);
    return target.origin === new URL(baseUrl).origin
      ? "another path of the same address"
      : target.origin;
  } catch {
    return "an unreadable address";
  }
}

/** The API's message and type from an error body `{"error", "message", "type"}`, or its text. */
function errorMessage(body: string): { message: string; type?: string } {
  const text = body.trim();
  if (!text) return { message: "no message" };
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") {
      const fields = parsed as Record<string, unknown>;
      const message = [fields.message, fields.error].find((v) => typeof v === "string" && v.trim());
      const type = typeof fields.type === "string" ? fields.type : undefined;
      if (typeof message === "string") return { message: message.slice(0, MAX_MESSAGE), type };
      return { message: "no message", type };
    }
  } catch {
    // Not JSON: a proxy's or a server's page.
  }
  if (text.startsWith("<")) return { message: describeText(text) };
  return { message: text.slice(0, MAX_MESSAGE) };
}

/** Reads an answer for `req`; `headers` have lower-case names. */
export function readAnswer(
  req: ApiRequest,
  baseUrl: string,
  status: number,
  headers: Record<string, string>,
  body: string,
): Reading {
  if ((status >= 200 && status < 300) || req.acceptStatuses?.includes(status)) {
    return readData(req, status, body);
  }
  if (status >= 300 && status < 400) {
    const to = redirectTarget(headers.location, baseUrl);
    return {
      ok: false,
      failure: { status, code: REDIRECT, apiMessage: `to ${to}, not followed` },
      retryable: false,
    };
  }
  const { message, type } = errorMessage(body);
  const retryAfter = Number(headers["api-retry-after"] ?? headers["retry-after"]);
  return {
    ok: false,
    failure: {
      status,
      type,
      apiMessage: message,
      resetAt: formatResetTime(headers["api-limit-reset"]),
      retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
    },
    retryable: status >= 500,
  };
}
