/**
 * The polling state's format and bound, and the look-back's arithmetic, on their own (the
 * behaviour through the built component is in polling*.test.ts).
 */
import { describe, expect, it } from "vitest";
import {
  ANY_VERSION,
  bound,
  MAX_REMEMBERED,
  type PollState,
  type Remembered,
  readState,
  stored,
} from "../src/triggers/polling/state";
import { contentHash } from "../src/triggers/polling/versions";
import { LOOK_BACK_SEC, nextFrom } from "../src/triggers/polling/window";

const T = 1_769_932_800; // 2026-02-01T08:00:00Z

function state(leads: Array<[number, Remembered]>, from = T - 600, mark = T): PollState {
  return { from, mark, markAt: 1, leads: new Map(leads), steps: new Map([[1189, "Incoming"]]) };
}

describe("stored state", () => {
  it("reads back what it wrote", () => {
    const s = state([
      [8113, { status: "won", step: 1191, sec: T - 5, hash: "AbC_-" }],
      [20001, { status: undefined, step: undefined, sec: T - 86_400 * 400, hash: "zzzzz" }],
    ]);
    const json = JSON.parse(JSON.stringify({ poll: stored(s) }));
    expect(readState(json)).toEqual({ kind: "ok", state: s });
  });

  it("a state of the first version (watermark, delivered ids) is the same position", () => {
    const reading = readState({ watermark: "2026-02-01T08:00:00.000Z", deliveredIds: [8112, 9] });
    expect(reading).toEqual({
      kind: "ok",
      state: {
        from: T,
        mark: T,
        markAt: 0,
        leads: new Map([
          [8112, { sec: T, hash: ANY_VERSION }],
          [9, { sec: T, hash: ANY_VERSION }],
        ]),
        steps: new Map(),
      },
    });
  });

  it("no state: none", () => {
    expect(readState({})).toEqual({ kind: "none" });
    expect(readState({ propipelines: { tokens: {} } })).toEqual({ kind: "none" });
  });

  it("a state holding something else than a position: unreadable", () => {
    expect(readState({ foo: "bar" })).toEqual({
      kind: "unreadable",
      problem: 'it holds "foo" and no position',
    });
  });

  it.each([
    ["not an object", { poll: "x" }],
    ["another version", { poll: { ...stored(state([])), v: 3 } }],
    ["a position that is text", { poll: { ...stored(state([])), from: "1769932800" } }],
    ["from after the mark", { poll: { ...stored(state([])), from: T + 5 } }],
    ["a malformed entry", { poll: { ...stored(state([])), leads: "8113.w.x1.0" } }],
    ["an unknown status code", { poll: { ...stored(state([])), leads: "69.q.x1.0.AAAAA" } }],
    ["step names not text", { poll: { ...stored(state([])), steps: { 1189: 5 } } }],
    ["a first-version watermark that is not a date", { watermark: "soon", deliveredIds: [] }],
    ["first-version ids that are not ids", { watermark: "2026-02-01", deliveredIds: ["a"] }],
  ])("unreadable: %s", (_, raw) => {
    expect(readState(raw as Record<string, unknown>).kind).toBe("unreadable");
  });
});

describe("bound", () => {
  const many = (count: number, sec: (i: number) => number): Array<[number, Remembered]> =>
    Array.from({ length: count }, (_, i) => [i + 1, { sec: sec(i), hash: "AAAAA" }]);

  it("forgets the leads seen longest ago first, keeping every one in the look-back", () => {
    const s = state([
      ...many(MAX_REMEMBERED, (i) => T - 10_000 - i),
      [99_999, { sec: T, hash: "BBBBB" }],
    ]);
    expect(bound(s, Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(s.leads.size).toBe(MAX_REMEMBERED);
    expect(s.leads.has(99_999)).toBe(true);
    expect(s.leads.has(MAX_REMEMBERED)).toBe(false); // the oldest
    expect(s.from).toBe(T - 600);
  });

  it("then shortens the look-back by whole seconds, never at or after what is not delivered", () => {
    // 3500 leads in the look-back: 2000 at T-100, 1500 at T-50.
    const s = state(many(3500, (i) => (i < 2000 ? T - 100 : T - 50)));
    expect(bound(s, Number.POSITIVE_INFINITY)).toBe(T - 99);
    expect(s.from).toBe(T - 99);
    expect(s.leads.size).toBe(1500);

    const held = state(many(3500, (i) => (i < 2000 ? T - 100 : T - 50)));
    expect(bound(held, T - 100)).toBeUndefined();
    expect(held.leads.size).toBe(3500); // the import is not delivered yet: kept until it is
  });

  it("keeps at most 200 step names", () => {
    const s = state([]);
    for (let i = 0; i < 250; i++) s.steps.set(i, `Step ${i}`);
    bound(s, Number.POSITIVE_INFINITY);
    expect(s.steps.size).toBe(200);
    expect(s.steps.has(249)).toBe(true);
  });
});

describe("look-back", () => {
  const at = (overrides: Partial<Parameters<typeof nextFrom>[0]>) =>
    nextFrom({
      from: T - 700,
      stopAt: Number.POSITIVE_INFINITY,
      mark: T,
      markAt: 1_000_000,
      pollStartMs: 1_000_000,
      ...overrides,
    });

  it("trails the newest stamp read by 10 minutes right after it moved", () => {
    expect(LOOK_BACK_SEC).toBe(600);
    expect(at({})).toBe(T - 600);
  });

  it("shrinks as this machine's clock runs, up to just after the newest stamp", () => {
    expect(at({ pollStartMs: 1_000_000 + 120_000 })).toBe(T - 480);
    expect(at({ pollStartMs: 1_000_000 + 3_600_000 })).toBe(T + 1);
  });

  it("never passes what is not delivered, never goes back before where the poll read", () => {
    expect(at({ stopAt: T - 650 })).toBe(T - 650);
    expect(at({ from: T - 300 })).toBe(T - 300);
    expect(at({ pollStartMs: 0 })).toBe(T - 600); // this machine's clock went back: no shrink
  });
});

describe("content hash", () => {
  it("changes with the lead's own fields, not with joined or computed ones", () => {
    const lead = { id: 1, title: "A", updated_at: "2026-02-01T08:00:00.000Z", step_id: 5 };
    const base = contentHash(lead);
    expect(contentHash({ ...lead, title: "B" })).not.toBe(base);
    expect(contentHash({ ...lead, updated_at: "2026-02-01T08:00:01.000Z" })).not.toBe(base);
    expect(contentHash({ ...lead, step: "Renamed step", user: { firstname: "X" } })).toBe(base);
    expect(contentHash({ step_id: 5, updated_at: lead.updated_at, title: "A", id: 1 })).toBe(base);
  });
});
