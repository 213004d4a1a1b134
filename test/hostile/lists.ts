/**
 * A list endpoint that pages badly on purpose: silent caps, refused large limits, an ignored
 * offset, a missing or lying X-TOTAL-COUNT. Records are `{ id, title }` with ids 1..records.
 */
import type { Handler } from "./server";
import { apiError, json, randomInt } from "./server";

export type HeaderMode = "true" | "none" | "random" | "low" | "high";

export interface ListBehaviour {
  records: number;
  /** Serve at most this many per page, whatever the limit asked (a silent cap). */
  cap?: number;
  /** Refuse a larger limit with the live API's 400 bad_parameter_format. */
  refuseAbove?: number;
  /** Always serve from the start. */
  ignoreOffset?: boolean;
  /** X-TOTAL-COUNT: the truth, none, a new random value per page, a constant too low or too high. */
  header?: HeaderMode;
  /** The constant a "low" or "high" header says. */
  lie?: number;
}

export const record = (id: number) => ({ id, title: `Lead ${id}` });

/** Serves `behaviour()` on every path (the test decides which path it calls). */
export function listServer(behaviour: () => ListBehaviour): Handler {
  return (req, res) => {
    const b = behaviour();
    const limit = Number(req.query.limit ?? 100);
    const offset = b.ignoreOffset ? 0 : Number(req.query.offset ?? 0);
    if (b.refuseAbove !== undefined && limit > b.refuseAbove) {
      return apiError(
        res,
        400,
        `Parameter limit must be between 1 and ${b.refuseAbove}`,
        "bad_parameter_format",
      );
    }
    const served = Math.min(limit, b.cap ?? limit);
    const ids = [];
    for (let id = offset + 1; id <= Math.min(b.records, offset + served); id++) ids.push(id);
    const headers: Record<string, string> = {};
    const mode = b.header ?? "true";
    if (mode === "true") headers["X-TOTAL-COUNT"] = String(b.records);
    if (mode === "random") headers["X-TOTAL-COUNT"] = String(randomInt(0, 2 * b.records + 10));
    if (mode === "low" || mode === "high") headers["X-TOTAL-COUNT"] = String(b.lie ?? 0);
    json(res, 200, ids.map(record), headers);
  };
}
