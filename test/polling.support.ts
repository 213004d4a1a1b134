/**
 * Polls of "New or Updated Leads" as Prismatic runs them: each poll gets the instance state the
 * previous one left (a JSON copy, as the platform stores it between executions), optionally in
 * a fresh load of the bundle (a new process). The state is never read here: tests only measure
 * it, corrupt it as a whole, or pass it on.
 */
import { freshBundle } from "./bundle";
import type { Emulator } from "./emulator";
import { DEFAULT_API_KEY } from "./emulator";
import { apiKeyConnection, harness } from "./harness";

export const TRIGGER = "newOrUpdatedLeads";

export interface PolledLead {
  id: number;
  title: string;
  status: string;
  step_id: number;
  updated_at: string;
  contactFields: Record<string, string>;
  contact: Record<string, string | null>;
  change: {
    type: "created" | "updated";
    status: { from: string | null; to: string } | null;
    step: {
      from: { id: number; name: string | null } | null;
      to: { id: number; name: string | null };
    } | null;
  };
}

interface PollResult {
  resultType: string;
  payload: { body: { data: { created: PolledLead[]; updated: PolledLead[] } } };
}

type Params = Record<string, unknown>;

/** One flow's trigger: its saved state, polled again and again. */
export class Poller {
  /** The instance state as the platform keeps it (JSON). */
  state: Record<string, unknown> = {};
  /** Warnings the trigger logged, in order. */
  readonly warnings: string[] = [];
  private readonly params: Params;

  constructor(
    private readonly emu: Emulator,
    params: Params = {},
  ) {
    this.params = params;
  }

  /** One scheduled run. `fresh`: in a new process (a fresh load of the bundle). */
  async poll(params: Params = {}, { fresh = false } = {}) {
    const logger = {
      debug: () => {},
      info: () => {},
      log: () => {},
      error: () => {},
      metric: () => {},
      warn: (text: string) => this.warnings.push(String(text)),
    };
    const instanceState = JSON.parse(JSON.stringify(this.state));
    const runner = fresh ? freshBundle().harness : harness;
    const result = (await runner.trigger(
      TRIGGER,
      undefined,
      { connection: apiKeyConnection(this.emu), ...this.params, ...params },
      { instanceState, logger } as never,
    )) as unknown as PollResult;
    this.state = JSON.parse(JSON.stringify(instanceState));
    const { created, updated } = result.payload.body.data;
    return { result, created, updated, all: [...created, ...updated] };
  }

  /** The saved state's size in bytes, as JSON. */
  get stateBytes(): number {
    return Buffer.byteLength(JSON.stringify(this.state));
  }
}

/** Every leaf of a JSON value replaced by `leaf(value)`: a state corrupted as a whole. */
export function mapLeaves(value: unknown, leaf: (v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapLeaves(v, leaf));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapLeaves(v, leaf)]));
  }
  return leaf(value);
}

/** Titles of polled leads, sorted. */
export const titles = (leads: Array<{ title: string }>) => leads.map((l) => l.title).sort();

/** A write to the emulator's API with the account's key, as a user of the account makes it. */
export async function apiWrite(
  emu: Emulator,
  method: "PUT" | "POST" | "DELETE",
  path: string,
  body?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${emu.url}/api/v2${path}`, {
    method,
    headers: { "X-API-KEY": DEFAULT_API_KEY, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json()) as Record<string, unknown>;
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
  return data;
}

/** The stamp of the account's newest change (what a poll reads first), as epoch seconds. */
export function newestSec(emu: Emulator): number {
  const stamps = [...emu.store.leads.values()].map((l) => Date.parse(l.updated_at));
  return Math.max(...stamps) / 1000;
}

/** ISO form of epoch seconds, as the trigger sends `updated_after`. */
export const iso = (sec: number) => new Date(sec * 1000).toISOString();

/**
 * The account's writes, each giving its lead a new unique title (so a delivered title names
 * the version it delivered), and the checks of what the polls delivered.
 */
export class Ledger {
  private n = 0;
  /** Every title written since the ledger started (a version each). */
  readonly written = new Set<string>();
  /** How many times each title was delivered. */
  readonly delivered = new Map<string, number>();

  constructor(private readonly emu: Emulator) {}

  create(fields: Record<string, unknown> = {}): number {
    const title = `New ${++this.n}`;
    this.written.add(title);
    return this.emu.store.addLead({ user_id: 514, ...fields, title }).id;
  }

  /** `count` new leads stamped in one second (a bulk import). */
  bulk(count: number): number[] {
    const first = this.n;
    this.n += count;
    const leads = this.emu.store.bulkLeads(count, {
      sameSecond: true,
      title: (i) => `Bulk ${first + i}`,
    });
    for (const lead of leads) this.written.add(lead.title);
    return leads.map((l) => l.id);
  }

  update(id: number): void {
    const lead = this.emu.store.leads.get(id);
    if (!lead) return;
    lead.title = `${lead.title.replace(/ v\d+$/, "")} v${++this.n}`;
    lead.updated_at = this.emu.store.now();
    this.written.add(lead.title);
  }

  delete(id: number): void {
    this.emu.store.leads.delete(id);
  }

  record(leads: Array<{ title: string }>): void {
    for (const { title } of leads) this.delivered.set(title, (this.delivered.get(title) ?? 0) + 1);
  }

  /** Titles delivered more than once. */
  duplicates(): string[] {
    return [...this.delivered].filter(([, n]) => n > 1).map(([t]) => t);
  }

  /** Leads that exist now, written since the ledger started, whose current version was not delivered. */
  missed(): string[] {
    return [...this.emu.store.leads.values()]
      .map((l) => l.title)
      .filter((t) => this.written.has(t) && !this.delivered.has(t));
  }

  /** Delivered versions written before the ledger started: a replay of history. */
  replayed(): string[] {
    return [...this.delivered.keys()].filter((t) => !this.written.has(t));
  }

  /** The current titles of the given leads (for versions that must be delivered). */
  current(ids: number[]): string[] {
    return ids.flatMap((id) => this.emu.store.leads.get(id)?.title ?? []);
  }
}
