/**
 * The bench's verdicts: requests a call spent (counted by the emulator) against the fewest the
 * API allows. Every table of request counts is made of these checks; one over its minimum, or a
 * call that failed or returned the wrong thing, fails `npm run bench`.
 *
 * Two figures per check:
 * - `floor`: the fewest requests any client could make against that server, trusting every
 *   answer (e.g. one page of every lead where the server has no cap);
 * - `minimum`: what the component is held to — the floor plus the allowances `why` names (a
 *   page bound, a refused page learnt once, a header not trusted alone). Most checks have none:
 *   floor and minimum are then the same.
 */
import type { Emulator } from "../test/emulator";
import { messageOf } from "./component";
import { printTable, type Row } from "./table";

export interface Check {
  kind?: string;
  subject: string;
  call: string;
  spent?: number;
  floor?: number;
  minimum?: number;
  /** How the minimum is derived. */
  why?: string;
  status: string;
  ok: boolean;
}

export interface Judged {
  kind?: string;
  subject: string;
  call: string;
  spent: number;
  minimum: number;
  floor?: number;
  why?: string;
  /** What the call threw. */
  error?: unknown;
  /** A wrong result (records missing, a wrong branch…), found by the caller. */
  problem?: string;
}

export function judge({ error, problem, floor, minimum, spent, ...rest }: Judged): Check {
  const base = { ...rest, spent, minimum, floor: floor ?? minimum };
  if (error !== undefined) return { ...base, status: `FAIL: ${messageOf(error)}`, ok: false };
  if (problem !== undefined) return { ...base, status: `FAIL: ${problem}`, ok: false };
  const ok = spent <= minimum;
  return { ...base, status: ok ? "ok" : "OVER MINIMUM", ok };
}

/** Requests the emulator received while `fn` ran, and what it returned or threw. */
export async function counted<T>(
  emu: Emulator,
  fn: () => Promise<T>,
): Promise<{ used: number; result?: T; error?: unknown }> {
  const before = emu.log.length;
  try {
    const result = await fn();
    return { used: emu.log.length - before, result };
  } catch (error) {
    return { used: emu.log.length - before, error };
  }
}

/** Prints checks with their floor, minimum and derivation; returns whether all passed. */
export function printChecks(title: string, checks: Check[], notes: string[] = []): boolean {
  const rows: Row[] = checks.map((c) => [
    c.subject,
    c.call,
    c.floor ?? "",
    c.minimum ?? "",
    c.spent ?? "",
    c.status,
    c.why ?? "",
  ]);
  const failed = checks.filter((c) => !c.ok).length;
  printTable(
    title,
    ["Job", "Call", "API floor", "Minimum", "Spent", "Result", "How the minimum is derived"],
    rows,
    ["", `${checks.length - failed}/${checks.length} at or under their minimum.`, ...notes],
  );
  return failed === 0;
}
