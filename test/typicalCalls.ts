/**
 * A typical valid call of each endpoint, derived from its declaration: the examples of its
 * required inputs, plus its `sample` values. Shared by the coverage test and the quota bench.
 * Free of vitest.
 */
import type { RegisteredEndpoint } from "../src/endpoint";
import { component, USER_PASSWORD } from "./harness";

export type Params = Record<string, unknown>;

/** Values no declaration carries as an example: a password, a file's content. */
const SECRETS_AND_FILES: Record<string, Params> = {
  logIn: { password: USER_PASSWORD },
  uploadLeadAttachment: { file: "Notes from the call." },
};

/**
 * The inputs of a typical call, as the platform sends them (strings): each required input's
 * example (or its default, or a dropdown's first value), then the declaration's `sample`.
 */
export function typicalParams(endpoint: RegisteredEndpoint): Params {
  const action = component.actions[endpoint.key];
  const params: Params = {};
  for (const input of action?.inputs ?? []) {
    if (!input.required || input.type === "connection") continue;
    const value = input.example || input.default || input.model?.[0]?.value;
    if (value !== undefined && value !== "") params[input.key] = value;
  }
  return { ...params, ...endpoint.sample, ...SECRETS_AND_FILES[endpoint.key] };
}
