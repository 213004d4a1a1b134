/**
 * Relative dates (today, -24h, +3d…) resolved when the step runs, before any rule or request:
 * date inputs become YYYY-MM-DD in the account's time zone, date-time inputs an ISO instant.
 */
import type { Connection } from "@prismatic-io/spectral";
import { InputError } from "../errors";
import { relativeKindOf } from "../inputs";
import { isRelativeDate, resolveDate, resolveDateTime, timeZoneProblem } from "../relativeDates";
import type { Params, Values } from "./spec";

/** The connection's Time Zone (IANA), or UTC. */
export function timeZoneOf(connection: Connection | undefined): string {
  const raw = connection?.fields?.timeZone;
  const zone = typeof raw === "string" ? raw.trim() : "";
  if (!zone) return "UTC";
  const problem = timeZoneProblem(zone);
  if (problem) throw new InputError("Time Zone", problem);
  return zone;
}

/** The values with every relative date of `params` resolved. */
export function resolveRelativeDates<V extends Values>(
  params: Params,
  values: V,
  now = Date.now(),
): V {
  let timeZone: string | undefined;
  const resolved: Record<string, unknown> = { ...values };
  for (const [key, param] of Object.entries(params)) {
    const kind = relativeKindOf(param.input);
    const value = values[key];
    if (!kind || !isRelativeDate(value)) continue;
    timeZone ??= timeZoneOf(values.connection);
    const options = { now, timeZone };
    resolved[key] = kind === "date" ? resolveDate(value, options) : resolveDateTime(value, options);
  }
  return resolved as V;
}
