/** The request an endpoint sends for its cleaned, validated input values. */
import type { ApiRequest } from "../client";
import { InputError } from "../errors";
import { isEmpty } from "../validate";
import { pagingParams } from "./paging";
import type { Answer, EndpointSpec, Param, Params, Values } from "./spec";

/** `userId` → `user_id`: the API's name of a parameter unless the declaration names it. */
export const apiName = (key: string, param: Param): string =>
  param.name ?? key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const PLACEHOLDER = /\{(\w+)\}/g;

/** The input keys a path template names. */
export const placeholders = (path: string): string[] =>
  [...path.matchAll(PLACEHOLDER)].map((m) => m[1] as string);

/** The endpoint's params, then the paging params its `pagination` adds. */
export const paramsOf = (spec: EndpointSpec): Params =>
  spec.pagination ? { ...spec.params, ...pagingParams(spec.pagination) } : (spec.params ?? {});

/** What a successful answer must be, as the client checks it. */
function answerOf(spec: EndpointSpec): Answer {
  if (spec.answer) return spec.answer;
  return Array.isArray(spec.example) && !spec.result && !spec.run ? "list" : "json";
}

/** The value to send for a cleaned value, after the param's conversion (undefined: nothing). */
function converted(param: Param, value: unknown): unknown {
  const send = param.send;
  if (send === "commaList") return (value as unknown[]).join(",");
  if (send === "trueOnly") return value === true ? true : undefined;
  return send ? send(value) : value;
}

/**
 * The API splits list values on commas, so a value holding one would silently become two
 * (a tag "Smith, John" would be read as "Smith" and "John").
 */
function refuseCommas(param: Param, value: unknown): void {
  if (!Array.isArray(value)) return;
  const bad = value.find((item) => typeof item === "string" && item.includes(","));
  if (bad !== undefined) {
    throw new InputError(
      String(param.input.label),
      `"${bad}" contains a comma, and Pro Pipe Lines splits these values on commas: it would read it as several values. Remove the comma or use another filter.`,
    );
  }
}

export function buildRequest(spec: EndpointSpec, values: Values): ApiRequest {
  let request: ApiRequest = {
    method: spec.method,
    path: spec.path,
    acceptStatuses: spec.acceptStatuses,
    expect: answerOf(spec),
  };
  for (const [key, param] of Object.entries(paramsOf(spec))) {
    const raw = values[key];
    if (isEmpty(raw) || param.in === "local") continue;
    const value = converted(param, raw);
    if (value === undefined) continue;
    if (param.in === "path") {
      request.pathParams = { ...request.pathParams, [key]: value as string | number };
      continue;
    }
    const name = apiName(key, param);
    if (param.in === "query" || param.send === "commaList") refuseCommas(param, raw);
    if (param.in === "query") request.query = { ...request.query, [name]: value as string };
    else request.body = { ...(request.body as object | undefined), [name]: value };
  }
  if (spec.prepare) request = spec.prepare(request, values);
  return request;
}
