/**
 * Start From as an instant: ISO 8601 in UTC as typed, YYYY-MM-DD [HH:MM:SS] in the connection's
 * time zone (the API reads dates in the account's time zone), or a relative form (today, -24h).
 */
import type { Connection } from "@prismatic-io/spectral";
import { timeZoneOf } from "../../endpoint/dates";
import { isRelativeDate, resolveDateTime } from "../../relativeDates";

/** The zone's offset from UTC at `ms`, in ms. */
function offsetMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  for (const part of format.formatToParts(ms)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** Epoch seconds of a cleaned Start From value. */
export function startFromSec(value: string, connection: Connection | undefined): number {
  const timeZone = timeZoneOf(connection);
  const text = isRelativeDate(value) ? (resolveDateTime(value, { timeZone }) ?? value) : value;
  if (/[zZ]$/.test(text)) return Math.floor(Date.parse(text) / 1000);
  const [date, time = "00:00:00"] = text.split(/[ T]/);
  const wall = Date.parse(`${date}T${time}Z`);
  // The wall time read as UTC, corrected by the zone's offset (twice, for a DST change between).
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone);
  return Math.floor(instant / 1000);
}
