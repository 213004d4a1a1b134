/**
 * Randomised runs of "New or Updated Leads" against the emulator: creations, updates (several
 * per second, several to one lead within a second), deletions and updates while a poll pages,
 * bulk imports larger than a page, and a 2-minute step back of the API's clock, over successive
 * polls. Every run checks: no version delivered twice, no history replayed, every lead's final
 * version delivered, and (when Maximum Leads per Poll does not hold a backlog) every version
 * that stayed unchanged over two polls delivered by then.
 *
 * Seeded: a failure names its seed; `POLLING_SEED=1234 npx vitest run test/polling.random.test.ts`
 * replays one run, `POLLING_RUNS=200` runs more.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./emulator";
import { Ledger, Poller } from "./polling.support";
import { seeded } from "./random";

/** Runs in the suite (more with POLLING_RUNS=200; each is about 0.3 s, mostly the emulator). */
const RUNS = Number(process.env.POLLING_RUNS ?? 16);
const ROUNDS = 12;
const seeds = process.env.POLLING_SEED
  ? [Number(process.env.POLLING_SEED)]
  : Array.from({ length: RUNS }, (_, i) => 1000 + i * 7919);

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function run(seed: number): Promise<void> {
  const rnd = seeded(seed);
  emu = await startEmulator();
  const account = emu;
  const ledger = new Ledger(account);
  const maxLeads = rnd.pick([60, 100, 500, 5000]) as number;
  const backlogFree = maxLeads === 5000;
  const poller = new Poller(account, { maxLeads: String(maxLeads) });
  const liveIds = () => [...account.store.leads.keys()];

  /** One random write: mostly updates, some creations and deletions. */
  const write = () => {
    const roll = rnd.next();
    const target = rnd.pick(liveIds());
    if (roll < 0.3 || target === undefined) ledger.create();
    else if (roll < 0.85) ledger.update(target);
    else ledger.delete(target);
  };

  await poller.poll(); // baseline
  ledger.create();
  const stepRound = rnd.between(2, ROUNDS - 3);
  // Writes while a poll pages: after some of its requests.
  const removeHook = account.onRequest((entry) => {
    if (entry.path === "/leads" && rnd.chance(0.35)) {
      for (let i = rnd.between(1, 3); i > 0; i--) write();
    }
  });

  /** Titles current before the previous poll started (candidates for "must be delivered"). */
  let before = new Set<string>();
  for (let round = 0; round < ROUNDS; round++) {
    if (round === stepRound) account.clock.stepBack(120_000);
    const burst = rnd.chance(0.4);
    if (burst) account.clock.freeze();
    for (let i = rnd.between(0, 20); i > 0; i--) write();
    if (burst) {
      // Several changes to one lead within the second.
      const target = rnd.pick(liveIds());
      for (let i = rnd.between(1, 3); target !== undefined && i > 0; i--) ledger.update(target);
    }
    if (rnd.chance(0.2)) ledger.bulk(rnd.between(101, 180));
    if (burst) account.clock.unfreeze();
    account.clock.advance(rnd.between(0, 90) * 1000);

    const now = new Set([...account.store.leads.values()].map((l) => l.title));
    const { all } = await poller.poll();
    ledger.record(all);
    expect(ledger.duplicates(), `seed ${seed}, round ${round}: delivered twice`).toEqual([]);
    if (backlogFree) {
      // Unchanged since before the previous poll, and through this one: delivered by now.
      const after = new Set([...account.store.leads.values()].map((l) => l.title));
      const due = [...before].filter(
        (t) => now.has(t) && after.has(t) && ledger.written.has(t) && !ledger.delivered.has(t),
      );
      expect(due, `seed ${seed}, round ${round}: unchanged over two polls, not delivered`).toEqual(
        [],
      );
    }
    before = now;
  }
  removeHook();

  for (let i = 0; i < 40; i++) {
    const { all } = await poller.poll();
    ledger.record(all);
    if (all.length === 0 && ledger.missed().length === 0) break;
  }
  expect(ledger.duplicates(), `seed ${seed}: delivered twice`).toEqual([]);
  expect(ledger.missed(), `seed ${seed}: never delivered`).toEqual([]);
  expect(ledger.replayed(), `seed ${seed}: history replayed`).toEqual([]);
  expect(poller.stateBytes, `seed ${seed}: state size`).toBeLessThan(100_000);
}

describe(`New or Updated Leads: ${seeds.length} randomised runs`, () => {
  for (const seed of seeds) {
    it(`seed ${seed}`, async () => {
      try {
        await run(seed);
      } catch (error) {
        console.error(
          `polling.random: failed with seed ${seed} (replay: POLLING_SEED=${seed} npx vitest run test/polling.random.test.ts)`,
        );
        throw error;
      }
    });
  }
});
