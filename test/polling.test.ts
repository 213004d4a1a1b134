/**
 * "New or Updated Leads" (polling) through the harness on the built component, against the
 * emulator's GET /leads. Each poll gets the state the previous one saved, as the platform
 * persists it, and the tests assert every request a poll makes.
 */
import { describe, expect, it } from "vitest";
import {
  actionRunner,
  apiKeyConnection,
  component,
  expectSent,
  harness,
  useEmulator,
} from "./helpers";

const emu = useEmulator();
const run = actionRunner(emu);

const TRIGGER = "newOrUpdatedLeads";

interface Lead {
  id: number;
  title: string;
}
interface PollResult {
  resultType: string;
  payload: { body: { data: { created: Lead[]; updated: Lead[] } } };
}
type State = Record<string, unknown> | undefined;

/** One scheduled run: the saved polling state in, the new state out. */
async function poll(state: State, params: Record<string, unknown> = {}) {
  const instanceState: Record<string, unknown> = state
    ? { __prismaticInternal: { polling: state } }
    : {};
  const result = (await harness.trigger(
    TRIGGER,
    undefined,
    { connection: apiKeyConnection(emu), ...params },
    { instanceState },
  )) as unknown as PollResult;
  const internal = instanceState.__prismaticInternal as { polling?: State } | undefined;
  const { created, updated } = result.payload.body.data;
  return {
    result,
    created: created.map((l) => l.title).sort(),
    updated: updated.map((l) => l.title).sort(),
    state: internal?.polling,
  };
}

/** A poll's GET /leads of the leads updated since `watermark`, oldest update first. */
const changedSince = (watermark: unknown, limit = "100", offset = "0") => ({
  method: "GET",
  path: "/leads",
  query: {
    include_unassigned: "true",
    updated_after: String(watermark),
    order: "last_update",
    direction: "asc",
    limit,
    offset,
  },
});

describe("New or Updated Leads", () => {
  let state: State;

  it("says what polling costs in its description", () => {
    const { description } = component.triggers[TRIGGER]?.display ?? { description: "" };
    expect(description).toMatch(/1440 of the account's 2000 daily requests/);
    expect(description).toMatch(/Pro Pipe Lines Events trigger spends none/);
  });

  it("first poll: one request for the newest update, nothing delivered, the watermark saved", async () => {
    const newest = [...emu.store.leads.values()].sort((a, b) =>
      b.updated_at.localeCompare(a.updated_at),
    )[0];
    const first = await poll(undefined);
    expectSent(emu, [
      {
        method: "GET",
        path: "/leads",
        query: { include_unassigned: "true", order: "last_update", direction: "desc", limit: "50" },
      },
    ]);
    expect(first.result.resultType).toBe("polled_no_changes");
    expect(first.created).toEqual([]);
    expect(first.updated).toEqual([]);
    expect(first.state).toEqual({
      watermark: newest?.updated_at,
      deliveredIds: [newest?.id],
    });
    state = first.state;
  });

  it("idle poll: exactly one request, nothing delivered, state unchanged", async () => {
    const idle = await poll(state);
    expectSent(emu, [changedSince(state?.watermark)]);
    expect(idle.result.resultType).toBe("polled_no_changes");
    expect(idle.state).toEqual(state);
  });

  it("after 3 creates and 2 updates: 3 created and 2 updated, in one request", async () => {
    for (const title of ["Alpha", "Bravo", "Charlie"]) {
      await run("createLead", { title, description: `About ${title}` });
    }
    await run("updateLead", { leadId: "8113", title: "Loretta Inc. (renewal)" });
    await run("updateLead", { leadId: "8112", title: "Acme Corp (upsell)" });
    emu.clearLog();

    const next = await poll(state);
    expectSent(emu, [changedSince(state?.watermark)]);
    expect(next.result.resultType).toBe("completed");
    expect(next.created).toEqual(["Alpha", "Bravo", "Charlie"]);
    expect(next.updated).toEqual(["Acme Corp (upsell)", "Loretta Inc. (renewal)"]);
    expect(next.state?.watermark).toBe(emu.store.leads.get(8112)?.updated_at);
    expect(next.state?.deliveredIds).toEqual([8112]);
    state = next.state;
  });

  it("the next poll delivers none of them again", async () => {
    const again = await poll(state);
    expectSent(emu, [changedSince(state?.watermark)]);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.result.resultType).toBe("polled_no_changes");
    state = again.state;
  });

  it("a lead changed later within the watermark's second is delivered, once", async () => {
    const watermark = String(state?.watermark);
    const sameSecond = emu.store.addLead({ title: "Same Second", user_id: 514 });
    sameSecond.created_at = watermark;
    sameSecond.updated_at = watermark;

    const got = await poll(state);
    expect(got.created).toEqual(["Same Second"]);
    expect(got.state).toEqual({ watermark, deliveredIds: [8112, sameSecond.id] });

    emu.clearLog();
    const after = await poll(got.state);
    expect(after.created).toEqual([]);
    expect(after.updated).toEqual([]);
    expectSent(emu, [changedSince(watermark)]);
    state = after.state;
  });

  it("pages when more than one page changed, bounded by Maximum Leads per Poll", async () => {
    for (let n = 1; n <= 150; n++) emu.store.addLead({ title: `Bulk ${n}`, user_id: 514 });

    const firstPart = await poll(state, { maxLeads: "120" });
    expectSent(emu, [
      changedSince(state?.watermark, "100", "0"),
      changedSince(state?.watermark, "20", "100"),
    ]);
    // The bound counts what is read: the first page also brings back the 2 leads already
    // delivered at the watermark's second, which are skipped.
    expect(firstPart.created).toHaveLength(118);
    expect(firstPart.created).not.toContain("Same Second");

    emu.clearLog();
    const rest = await poll(firstPart.state, { maxLeads: "120" });
    expectSent(emu, [changedSince(firstPart.state?.watermark)]);
    expect(rest.created).toHaveLength(32);
    const all = new Set([...firstPart.created, ...rest.created]);
    expect(all.size).toBe(150);
    state = rest.state;
  });

  it("Start From: the first poll delivers the leads updated since that date", async () => {
    const from = await poll(undefined, { startFrom: "2014-03-01T00:00:00.000Z" });
    // About 160 leads changed since: two pages.
    expectSent(emu, [
      changedSince("2014-03-01T00:00:00.000Z", "100", "0"),
      changedSince("2014-03-01T00:00:00.000Z", "100", "100"),
    ]);
    expect(from.updated).toEqual(
      expect.arrayContaining(["Acme Corp (upsell)", "Loretta Inc. (renewal)"]),
    );
    expect(from.created).toEqual(expect.arrayContaining(["Alpha", "Same Second", "Bulk 150"]));
  });

  it("Include Unassigned Leads off: the parameter is not sent", async () => {
    await poll(state, { includeUnassigned: "false" });
    expectSent(emu, [
      {
        method: "GET",
        path: "/leads",
        query: {
          updated_after: String(state?.watermark),
          order: "last_update",
          direction: "asc",
          limit: "100",
          offset: "0",
        },
      },
    ]);
  });

  it("a bad Maximum Leads per Poll is refused before any request", async () => {
    await expect(poll(state, { maxLeads: "lots" })).rejects.toThrow(
      /^Maximum Leads per Poll: "lots" is not a whole number/,
    );
    expectSent(emu, []);
  });
});
