/**
 * "New or Updated Leads": each change delivered once — no stall, no miss, no replay — under the
 * conditions of issue 14: bulk imports larger than a poll, changes and deletions while a poll
 * pages, several changes to one lead within one second, steps back of the API's clock, and a
 * saved state that is corrupted or ahead of the API. Also the state's bound and the cost of an
 * idle poll after a burst. Each test has its own emulator.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Emulator, startEmulator } from "./emulator";
import { expectSent } from "./helpers";
import { Ledger, mapLeaves, Poller } from "./polling.support";

let emu: Emulator;
let ledger: Ledger;
let poller: Poller;

beforeEach(async () => {
  emu = await startEmulator();
  ledger = new Ledger(emu);
  poller = new Poller(emu);
});

afterEach(async () => {
  vi.useRealTimers();
  await emu.stop();
});

/** Polls until a poll delivers nothing (at most `max` polls); returns how many delivered. */
async function pollUntilIdle(params: Record<string, unknown> = {}, max = 20): Promise<number[]> {
  const counts: number[] = [];
  for (let i = 0; i < max; i++) {
    const { all } = await poller.poll(params);
    ledger.record(all);
    counts.push(all.length);
    if (all.length === 0) return counts;
  }
  throw new Error(`still delivering after ${max} polls: ${counts}`);
}

function expectExactlyOnce(): void {
  expect(ledger.duplicates(), "delivered twice").toEqual([]);
  expect(ledger.missed(), "never delivered").toEqual([]);
  expect(ledger.replayed(), "history replayed").toEqual([]);
}

const isAscPage = (r: { method: string; path: string; query: Record<string, string> }) =>
  r.method === "GET" && r.path === "/leads" && r.query.direction === "asc";

/** A poll's first request: the newest page. */
const NEWEST_FIRST = {
  method: "GET",
  path: "/leads",
  query: { include_unassigned: "true", order: "last_update", direction: "desc", limit: "100" },
};
/** A page of the changes since a stamp, oldest first (stamp and offset as the poll found them). */
const ASC_PAGE = {
  method: "GET",
  path: "/leads",
  query: {
    include_unassigned: "true",
    updated_after: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
    order: "last_update",
    direction: "asc",
    limit: "100",
    offset: expect.stringMatching(/^\d+$/),
  },
};
/** The newest page, then `count - 1` pages oldest first. */
const pagedPoll = (count: number) => [
  NEWEST_FIRST,
  ...Array.from({ length: count - 1 }, () => ASC_PAGE),
];

describe("bulk imports larger than a poll", () => {
  it("600 leads in one second, then later changes: all delivered, each once, and no stall", async () => {
    await poller.poll(); // baseline
    ledger.bulk(600);
    emu.clock.advance(60_000);
    const late = ledger.create();
    const counts = await pollUntilIdle();
    expect(counts).toEqual([500, 101, 0]);
    expectExactlyOnce();
    expect(ledger.delivered.size).toBe(601);

    // The watermark moved on: a change after the import is delivered at the next poll.
    ledger.update(late);
    const next = await poller.poll();
    ledger.record(next.all);
    expect(next.all.map((l) => l.id)).toEqual([late]);
    expectExactlyOnce();
  });

  it("a second with more leads than a page and than Maximum Leads per Poll: resumed where it stopped", async () => {
    await poller.poll();
    ledger.bulk(250);
    ledger.create();
    const counts = await pollUntilIdle({ maxLeads: "60" });
    expect(counts).toEqual([60, 60, 60, 60, 11, 0]);
    expectExactlyOnce();
  });

  it("two imports in one second, with a poll between them", async () => {
    await poller.poll();
    emu.clock.freeze();
    ledger.bulk(150);
    expect((await pollUntilIdle()).at(-1)).toBe(0);
    ledger.bulk(150); // the same second: stamps the poll has already read
    emu.clock.unfreeze();
    await pollUntilIdle();
    expectExactlyOnce();
    expect(ledger.delivered.size).toBe(300);
  });
});

describe("changes and deletions while a poll pages", () => {
  /** Runs `change` once, right after the poll's first page of changes since the look-back. */
  function duringPaging(change: () => void): void {
    let done = false;
    emu.onRequest((entry) => {
      if (!done && isAscPage(entry)) {
        done = true;
        change();
      }
    });
  }

  it("leads already read of a busy second updated and deleted: the page shift is read by the overlap", async () => {
    await poller.poll();
    const ids = ledger.bulk(300);
    for (let i = 0; i < 5; i++) ledger.create(); // later seconds: the import is not the newest
    duringPaging(() => {
      ledger.update(ids[3] as number); // moves to the end
      ledger.delete(ids[5] as number);
      ledger.update(ids[250] as number); // not read yet
    });
    await pollUntilIdle();
    expectExactlyOnce();
    // 299 leads exist; 3 of them were delivered twice as different versions (updated).
    expect(ledger.delivered.size).toBeGreaterThanOrEqual(299);
  });

  it("a shift larger than the overlap (15 deletions): detected, the next poll reads the second again", async () => {
    await poller.poll();
    const ids = ledger.bulk(300);
    for (let i = 0; i < 5; i++) ledger.create();
    duringPaging(() => {
      for (const id of ids.slice(0, 15)) ledger.delete(id);
    });
    const counts = await pollUntilIdle();
    expectExactlyOnce();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ledger.delivered.size);
  });

  it("leads updated and deleted between pages of spread-out changes (keyset: nothing shifts)", async () => {
    await poller.poll();
    const ids = Array.from({ length: 250 }, () => ledger.create());
    duringPaging(() => {
      for (const id of ids.slice(0, 20)) ledger.delete(id);
      for (const id of ids.slice(20, 40)) ledger.update(id);
    });
    await pollUntilIdle();
    expectExactlyOnce();
  });
});

describe("several changes to one lead within one second", () => {
  it("each change seen by a poll is delivered once, though the stamp is the same", async () => {
    const id = ledger.create();
    await poller.poll();
    emu.clock.freeze();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      ledger.update(id);
      const { all } = await poller.poll();
      ledger.record(all);
      seen.push(...all.map((l) => l.updated_at));
    }
    emu.clock.unfreeze();
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(1);
    expectExactlyOnce();
  });
});

describe("the API's clock steps back", () => {
  it.each([
    ["2 minutes", 120_000],
    ["10 minutes", 600_000],
  ])("by %s: changes stamped before the watermark are delivered, once", async (_, ms) => {
    const ids = Array.from({ length: 5 }, () => ledger.create());
    await poller.poll();
    ledger.update(ids[0] as number);
    await pollUntilIdle();
    emu.clock.stepBack(ms);
    ledger.create();
    ledger.update(ids[1] as number);
    ledger.update(ids[0] as number);
    await pollUntilIdle();
    // Then the clock catches up: writes stamped around the old watermark.
    for (let i = 0; i < 4; i++) {
      emu.clock.advance(ms / 4);
      ledger.update(ids[2 + (i % 3)] as number);
      ledger.create();
      await pollUntilIdle();
    }
    expectExactlyOnce();
  });
});

describe("a saved state that cannot be trusted recovers within one poll", () => {
  async function recoversAfter(corrupt: () => void, warning: RegExp) {
    ledger.create();
    await poller.poll();
    ledger.update(ledger.create());
    await pollUntilIdle();
    corrupt();
    emu.clearLog();
    const recovering = await poller.poll();
    expect(recovering.all).toEqual([]);
    expectSent(emu, [{ method: "GET", path: "/leads" }]);
    expect(poller.warnings).toEqual([expect.stringMatching(warning)]);
    // Within one poll: the next change is delivered at the next poll.
    const id = ledger.create();
    const next = await poller.poll();
    expect(next.all.map((l) => l.id)).toEqual([id]);
    expect(poller.warnings).toHaveLength(1);
  }

  it.each([
    ["numbers turned into text", (v: unknown) => (typeof v === "number" ? "x" : v)],
    ["text turned into garbage", (v: unknown) => (typeof v === "string" ? "garbage" : v)],
    ["text cut in half", (v: unknown) => (typeof v === "string" ? v.slice(0, v.length / 2) : v)],
    ["numbers negative", (v: unknown) => (typeof v === "number" ? -v : v)],
  ])("corrupted (%s): a warning, then it starts again from the newest change", async (_, leaf) => {
    await recoversAfter(() => {
      poller.state = mapLeaves(poller.state, leaf) as Record<string, unknown>;
    }, /saved state could not be read/);
  });

  it("dates moved decades ahead: a position in the future is caught", async () => {
    await recoversAfter(() => {
      poller.state = mapLeaves(poller.state, (v) =>
        typeof v === "number" && v > 1e9 ? Math.round(v * 1.5) : v,
      ) as Record<string, unknown>;
    }, /ahead of the newest change/);
  });

  it("saved while the API's clock was a year ahead, then corrected: a warning, never stuck", async () => {
    const real = emu.clock.epochMs;
    emu.clock.set(real + 365 * 24 * 3600_000);
    const ahead = ledger.create();
    await poller.poll();
    ledger.delete(ahead);
    emu.clock.set(real);
    await recoversAfter(() => {}, /ahead of the newest change .*clock moved back/);
  });

  it("Start From in the future: a warning, and it starts from the newest change", async () => {
    ledger.create();
    const first = await poller.poll({ startFrom: "2099-01-01T00:00:00.000Z" });
    expect(first.all).toEqual([]);
    expect(poller.warnings).toEqual([expect.stringMatching(/Start From is in the future/)]);
    const id = ledger.create();
    expect((await poller.poll()).all.map((l) => l.id)).toEqual([id]);
  });
});

describe("bounded state and cost", () => {
  it("stays under 100 KB whatever the account's size (8000 leads changed, then 3000 in one second)", async () => {
    await poller.poll();
    const sizes: number[] = [];
    for (let round = 0; round < 4; round++) {
      emu.store.bulkLeads(2000, { title: (i) => `Round ${round} lead ${i}` });
      await poller.poll({ maxLeads: "5000" });
      sizes.push(poller.stateBytes);
    }
    ledger.bulk(3000);
    await poller.poll({ maxLeads: "5000" });
    sizes.push(poller.stateBytes);
    expect(Math.max(...sizes)).toBeLessThan(100_000);
    // A change to a lead now forgotten is still delivered (as an update).
    const id = ledger.create();
    const next = await poller.poll();
    expect(next.all.map((l) => l.id)).toEqual([id]);
  });

  it("an idle poll after a burst: more requests while the look-back holds it, 1 once it has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    await poller.poll();
    ledger.bulk(300);
    await pollUntilIdle();
    emu.clearLog();
    await poller.poll();
    const during = emu.log.length;
    expect(during).toBeGreaterThan(1);
    expectSent(emu, pagedPoll(during));

    vi.setSystemTime(Date.now() + 11 * 60_000); // this machine's clock: 11 minutes later
    await poller.poll(); // reads the look-back once more, then shrinks it
    emu.clearLog();
    const idle = await poller.poll();
    expect(idle.all).toEqual([]);
    expectSent(emu, [NEWEST_FIRST]);

    // And a change is still delivered.
    const id = ledger.create();
    expect((await poller.poll()).all.map((l) => l.id)).toEqual([id]);
  });

  it("a list that ignores offset within a busy second: stops with a warning, no runaway", async () => {
    emu.settings.ignoreOffset = ["/leads"];
    await poller.poll();
    ledger.bulk(250);
    emu.clearLog();
    const { all } = await poller.poll();
    expect(all.length).toBeGreaterThan(0);
    const pages = emu.log.length;
    expect(pages).toBeLessThan(10);
    expectSent(emu, pagedPoll(pages));
    expect(poller.warnings).toEqual([expect.stringMatching(/same page twice/)]);
  });
});
