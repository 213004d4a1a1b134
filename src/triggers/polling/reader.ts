/**
 * Reading what changed: the versions of leads a poll has not delivered yet, oldest first.
 *
 * 1. The newest changes, newest first (`order=last_update&direction=desc`, one request). This
 *    also tells the newest stamp of the account (to catch a saved state from the future) and,
 *    when it reaches back past `from` (or holds the whole list), it is all the poll needs: an
 *    idle poll costs this one request.
 * 2. Otherwise, every change since `from`, oldest first, by keyset: each page asks
 *    `updated_after=<the last stamp read>`, and `offset` only skips what was read of that one
 *    second. When more leads share a second than a page holds (a bulk import), the offset
 *    steps back OVERLAP leads each time: a change or deletion of a lead already read shifts
 *    the rest by one, and the overlap still reads it. A shift larger than the overlap is seen
 *    (the page does not start with a lead already read) and the poll stops counting that second
 *    as complete, so the next one reads it again.
 *
 * A version counts when it is not known (same lead, same content hash) from an earlier poll or
 * from this one. At most `budget` leads are collected; the first version beyond is where the
 * next poll resumes (`stopAt`), so nothing is skipped and the watermark never passes it.
 */
import type { ActionLogger } from "@prismatic-io/spectral";
import type { ProPipeLinesClient } from "../../client";
import type { QueryValue } from "../../http/request";
import { isoOf, type LeadJson, type Version, versionOf } from "./versions";

export const PAGE_SIZE = 100;
/** Leads read again at the start of each page within one busy second. */
export const OVERLAP = 10;

export interface FirstPage {
  versions: Version[];
  /** The account's newest stamp, when it has leads. */
  newest?: number;
  /** The page reaches back to `from` or holds every lead: no further page is needed. */
  reaches: (from: number) => boolean;
}

type Query = Record<string, QueryValue>;

async function getLeads(client: ProPipeLinesClient, query: Query) {
  const { data, headers } = await client.request<LeadJson[]>({
    method: "GET",
    path: "/leads",
    query,
    expect: "list",
  });
  const versions = data.map(versionOf).filter((v): v is Version => v !== undefined);
  const total = /^\d+$/.test(headers["x-total-count"] ?? "")
    ? Number(headers["x-total-count"])
    : undefined;
  return { count: data.length, versions, total };
}

/** Request 1: the newest changes. */
export async function firstPage(client: ProPipeLinesClient, query: Query): Promise<FirstPage> {
  const page = await getLeads(client, {
    ...query,
    order: "last_update",
    direction: "desc",
    limit: PAGE_SIZE,
  });
  const { versions } = page;
  const oldest = versions.at(-1)?.sec;
  // A short page is the whole list only if the total agrees (a silent cap also gives short pages).
  const whole = page.count < PAGE_SIZE && (page.total === undefined || page.total <= page.count);
  return {
    versions,
    newest: versions[0]?.sec,
    reaches: (from) => whole || (oldest !== undefined && oldest < from),
  };
}

/** The versions a poll collects, under its budget. */
export class Collector {
  private readonly fresh = new Map<number, Version>();
  /** The first stamp left for the next poll. */
  stopAt = Number.POSITIVE_INFINITY;
  /** The newest stamp read (known or collected) before the budget stopped the reading. */
  highest = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly known: (v: Version) => boolean,
    private readonly budget: number,
  ) {}

  /** Takes one version as read; false when the budget is spent (it is left for the next poll). */
  add(v: Version): boolean {
    if (this.known(v) || this.fresh.get(v.id)?.hash === v.hash) {
      this.highest = Math.max(this.highest, v.sec);
      return true;
    }
    if (!this.fresh.has(v.id) && this.fresh.size >= this.budget) {
      this.stopAt = Math.min(this.stopAt, v.sec);
      return false;
    }
    // A lead changed again while the poll read: its newer version replaces the older one.
    this.fresh.delete(v.id);
    this.fresh.set(v.id, v);
    this.highest = Math.max(this.highest, v.sec);
    return true;
  }

  /** Marks a second as possibly incomplete: the next poll reads it again. */
  incomplete(sec: number): void {
    this.stopAt = Math.min(this.stopAt, sec);
  }

  /** The collected versions, oldest stamp first. */
  versions(): Version[] {
    return [...this.fresh.values()].sort((a, b) => a.sec - b.sec);
  }
}

interface AscendingOptions {
  query: Query;
  from: number;
  collector: Collector;
  /** Most pages this poll may read (the look-back's known leads plus the budget). */
  maxPages: number;
  logger?: Pick<ActionLogger, "warn">;
}

const warn = (logger: AscendingOptions["logger"], text: string) =>
  logger?.warn(`New or Updated Leads: ${text}`);

/** Request 2 onwards: every change since `from`, oldest first (see the module's header). */
export async function readAscending(
  client: ProPipeLinesClient,
  { query, from, collector, maxPages, logger }: AscendingOptions,
): Promise<number> {
  let cursor = from;
  let offset = 0;
  /** The leads read at the cursor's second: the first positions of the next page's listing. */
  let atCursor = new Set<number>();
  let pages = 0;
  for (;;) {
    if (pages >= maxPages) {
      warn(logger, `stopped after ${pages} pages; the next poll goes on from here.`);
      collector.incomplete(cursor);
      return pages;
    }
    pages += 1;
    const page = await getLeads(client, {
      ...query,
      updated_after: isoOf(cursor),
      order: "last_update",
      direction: "asc",
      limit: PAGE_SIZE,
      offset,
    });
    const { versions } = page;
    if (offset > 0 && versions.length > 0 && !atCursor.has((versions[0] as Version).id)) {
      // Shifted by more than the overlap: something may have been skipped in this second.
      collector.incomplete(cursor);
    }
    let progressed = false;
    for (const v of versions) {
      if (v.sec < cursor) continue;
      if (v.sec > cursor || !atCursor.has(v.id)) progressed = true;
      if (!collector.add(v)) return pages;
      if (v.sec === cursor) atCursor.add(v.id);
    }
    if (page.count < PAGE_SIZE) return pages;
    if (!progressed) {
      // The same page again: this list ignores `offset` here. The next poll reads it again.
      warn(logger, "the API answered the same page twice; the next poll reads it again.");
      collector.incomplete(cursor);
      return pages;
    }
    const last = (versions.at(-1) as Version).sec;
    if (last === cursor) {
      offset += page.count - OVERLAP;
    } else {
      cursor = last;
      atCursor = new Set(versions.filter((v) => v.sec === last).map((v) => v.id));
      offset = Math.max(0, atCursor.size - OVERLAP);
    }
  }
}
