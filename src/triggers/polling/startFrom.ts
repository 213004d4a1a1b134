/**
 * Start From as an instant: ISO 8601 in UTC as typed, YYYY-MM-DD [HH:MM:SS] in the connection's
 * time zone (the API reads dates in the account's time zone), or a relative form (today, -24h).
 */
import type { Connection } from "@prismatic-io/spectral";
import { timeZoneOf } from "../../endpoint/dates";
import { isRelativeDate, localInstant, resolveDateTime } from "../../relativeDates";

/** Epoch seconds of a cleaned Start From value. */
export function startFromSec(value: string, connection: Connection | undefined): number {
  const timeZone = timeZoneOf(connection);
  const text = isRelativeDate(value) ? (resolveDateTime(value, { timeZone }) ?? value) : value;
  if (/[zZ]$/.test(text)) return Math.floor(Date.parse(text) / 1000);
  const [date = "", time = "00:00:00"] = text.split(/[ T]/);
  return Math.floor(localInstant(date, time, timeZone) / 1000);
}
