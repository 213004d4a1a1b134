/**
 * API errors in the builder's words: when Pro Pipe Lines refuses a parameter by its API name
 * ("Parameter user_id not recognized."), the hint names the input's label and the value given
 * ("Owner: no user "x@y" in this account …"), not the API's parameter.
 */
import { ApiError } from "../errors";
import { isEmpty } from "../validate";
import { apiName, paramsOf } from "./request";
import type { EndpointSpec, Param, Values } from "./spec";

/** What is wrong with a refused value, by the kind of record its dropdown lists. */
const UNKNOWN: Partial<Record<string, (value: string) => string>> = {
  selectUser: (v) => `no active user "${v}" in this account: pick a user from the list`,
  selectStep: (v) => `no step "${v}" in this account: pick a step from the list`,
  selectStepName: (v) => `no step named "${v}": pick a step from the list (names are exact)`,
  selectActivity: (v) => `no activity "${v}" in this account: pick one from the list`,
  selectClientFolder: (v) => `no client folder "${v}": pick one from the list`,
  selectTeam: (v) => `no team "${v}": pick one from the list`,
  selectCategory: (v) => `no category "${v}": pick one from the list`,
};

const STEP_SOURCES = ["selectStep", "selectStepName"];

const shown = (value: unknown): string =>
  Array.isArray(value) ? value.join(", ") : typeof value === "object" ? "" : String(value);

/** Params sent in the query or body, with a value. */
const sentParams = (spec: EndpointSpec, values: Values): Array<[string, Param]> =>
  Object.entries(paramsOf(spec)).filter(
    ([key, param]) => param.in !== "path" && param.in !== "local" && !isEmpty(values[key]),
  );

/** The param whose API name the API's message quotes ("Parameter user_id not recognized."). */
function quotedParam(spec: EndpointSpec, values: Values, message: string) {
  return sentParams(spec, values).find(([key, param]) =>
    new RegExp(`(^|[^\\w])${apiName(key, param)}([^\\w]|$)`).test(message),
  );
}

/** The inputs of the path (the record acted on), by label. */
const pathLabels = (spec: EndpointSpec): string[] =>
  Object.values(paramsOf(spec))
    .filter((param) => param.in === "path")
    .map((param) => String(param.input.label));

/**
 * The error with a hint naming the input the API refused: the one its message quotes (400,
 * 422), or, for a 404, a sent reference to another record (a step name, a user) that may be the
 * missing one rather than the record of the path.
 */
export function inBuildersWords(spec: EndpointSpec, values: Values, error: ApiError): ApiError {
  if (error.status === 400 || error.status === 422) {
    const match = quotedParam(spec, values, error.apiMessage);
    if (!match) return error;
    const [key, param] = match;
    const value = shown(values[key]);
    const unknown = param.input.dataSource ? UNKNOWN[param.input.dataSource] : undefined;
    const what =
      unknown && /not recognized|not found|unknown/i.test(error.apiMessage)
        ? unknown(value)
        : `Pro Pipe Lines refused ${value ? `"${value}"` : "this value"}: check it against the input's description`;
    return new ApiError(error, `${param.input.label}: ${what}.`);
  }
  if (error.status === 404) {
    // The API answers an unknown step of PUT /leads/{id} with a 404, like an unknown lead.
    const reference = sentParams(spec, values).find(([, param]) =>
      STEP_SOURCES.includes(String(param.input.dataSource)),
    );
    if (!reference) return error;
    const [key, param] = reference;
    const unknown = UNKNOWN[param.input.dataSource as string] as (value: string) => string;
    const record = pathLabels(spec);
    const orRecord = record.length
      ? ` Or the record itself is gone: check ${record.join(" and ")}.`
      : "";
    return new ApiError(error, `${param.input.label}: ${unknown(shown(values[key]))}.${orRecord}`);
  }
  return error;
}
