/**
 * Assign Lead Round-Robin through the built component: the turn kept in crossFlowState and
 * shared by the instance's flows, disabled users skipped, 2 requests per lead, replays given
 * the same user, and randomised pools that must rotate evenly.
 */
import { describe, expect, it } from "vitest";
import type { User } from "./emulator/store";
import { apiKeyConnection, errorRunner, expectSent, harness, useEmulator } from "./helpers";
import { schemaProblem } from "./schemas";

const emu = useEmulator();
const errorFrom = errorRunner(emu);

type State = Record<string, unknown>;
interface Assigned {
  lead: { id: number; user_id: number; contact: unknown };
  assignedTo: { id: number; email: string };
}

/** Runs the action as a flow would, with the instance's crossFlowState; returns the new state. */
async function assign(params: Record<string, unknown>, crossFlowState: State) {
  const result = await harness.action(
    "assignLeadRoundRobin",
    { connection: apiKeyConnection(emu), ...params },
    { crossFlowState },
  );
  return {
    data: result?.data as Assigned,
    state: (result as { crossFlowState?: State }).crossFlowState ?? crossFlowState,
    changed: (result as { crossFlowState?: State }).crossFlowState !== undefined,
  };
}

let nextTeam = 60;

/** Adds `count` users to the account, in a new team; `disabled` picks the disabled ones. */
function seedPool(count: number, disabled: (i: number) => boolean = () => false) {
  const template = emu.store.users.get(516) as User;
  const team = nextTeam++;
  emu.store.table("teams").set(team, {
    id: team,
    name: `Round ${team}`,
    manager_ids: [],
    created_at: "2020-01-01T00:00:00.000Z",
    updated_at: "2020-01-01T00:00:00.000Z",
  });
  const users = Array.from({ length: count }, (_, i) => {
    const id = emu.store.nextId();
    const user: User = {
      ...template,
      id,
      email: `rr${team}.${i}@example.com`,
      is_disabled: disabled(i),
      team_ids: [team],
    };
    emu.store.users.set(id, user);
    return user;
  });
  return { team, users };
}

const newLead = () => emu.store.addLead({ title: "Round-robin lead" }).id;

describe("Assign Lead Round-Robin over a team", () => {
  it("6 leads over a 4-user team with one disabled: 2 each, whichever flow assigns them", async () => {
    const { team, users } = seedPool(4, (i) => i === 1);
    let state: State = { otherKey: "kept" };
    const given: number[] = [];
    for (let i = 0; i < 6; i++) {
      const leadId = newLead();
      emu.clearLog();
      const result = await assign({ leadId: String(leadId), teamId: String(team) }, state);
      expectSent(emu, [
        { method: "GET", path: "/users", query: { teams: String(team) } },
        {
          method: "POST",
          path: `/leads/${leadId}/assign`,
          body: { user_id: result.data.assignedTo.id },
          status: 200,
        },
      ]);
      expect(emu.store.leads.get(leadId)?.user_id).toBe(result.data.assignedTo.id);
      expect(result.data.lead).toMatchObject({ id: leadId, contact: expect.any(Object) });
      expect(schemaProblem("assignLeadRoundRobin", result.data)).toBeUndefined();
      given.push(result.data.assignedTo.id);
      state = result.state;
    }
    const active = users.filter((u) => !u.is_disabled).map((u) => u.id);
    expect(given).toEqual([...active, ...active]);
    expect(state.otherKey).toBe("kept");
  });

  it("the same lead again (a retry): the same user, and the turn does not move", async () => {
    const { team, users } = seedPool(3);
    const first = await assign({ leadId: String(newLead()), teamId: String(team) }, {});
    const again = await assign(
      { leadId: String(first.data.lead.id), teamId: String(team) },
      first.state,
    );
    expect(again.data.assignedTo.id).toBe(first.data.assignedTo.id);
    expect(again.changed).toBe(false);
    const next = await assign({ leadId: String(newLead()), teamId: String(team) }, again.state);
    expect(next.data.assignedTo.id).toBe(users[1]?.id);
  });

  it("a team whose members are all disabled, or no such team: an error after the one lookup", async () => {
    const { team } = seedPool(2, () => true);
    const error = await errorFrom("assignLeadRoundRobin", { leadId: "8113", teamId: String(team) });
    expect(error).toMatchObject({ name: "InputError", input: "Team" });
    expectSent(emu, [{ method: "GET", path: "/users", query: { teams: String(team) } }]);
  });
});

describe("Assign Lead Round-Robin over a list of users", () => {
  it("ids and emails, in any order: the turn follows the ids, disabled users skipped", async () => {
    const { users } = seedPool(3, (i) => i === 0);
    const [off, a, b] = users as [User, User, User];
    const list = [b.email, String(off.id), String(a.id)];
    let state: State = {};
    const given: number[] = [];
    for (let i = 0; i < 4; i++) {
      const leadId = newLead();
      emu.clearLog();
      const result = await assign({ leadId: String(leadId), users: list }, state);
      expectSent(emu, [
        { method: "GET", path: "/users", query: {} },
        {
          method: "POST",
          path: `/leads/${leadId}/assign`,
          body: { user_id: result.data.assignedTo.id },
        },
      ]);
      given.push(result.data.assignedTo.id);
      state = result.state;
    }
    expect(given).toEqual([a.id, b.id, a.id, b.id]);
  });

  it("a user not in the account: named, nothing assigned", async () => {
    const error = await errorFrom("assignLeadRoundRobin", {
      leadId: "8113",
      users: ["stef@example.com", "ghost@example.com"],
    });
    expect(error).toMatchObject({ name: "InputError", input: "Users" });
    expect(error.message).toContain('"ghost@example.com"');
    expectSent(emu, [{ method: "GET", path: "/users", query: {} }]);
  });

  it.each([[{}], [{ teamId: "2", users: ["514"] }]])(
    "%j: refused with 0 requests",
    async (params) => {
      const error = await errorFrom("assignLeadRoundRobin", { leadId: "8113", ...params });
      expect(error).toMatchObject({ name: "InputError", input: "Team" });
      expectSent(emu, []);
    },
  );
});

describe("Assign Lead Round-Robin, randomised", () => {
  it("random pools with disabled users, interleaved: each active user gets the same number of leads", async () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 8; trial++) {
      const pools = Array.from({ length: 2 }, () => {
        const size = 2 + Math.floor(rnd() * 6);
        const { team, users } = seedPool(size, () => rnd() < 0.35);
        const active = users.filter((u) => !u.is_disabled).map((u) => u.id);
        if (active.length === 0) {
          (users[0] as User).is_disabled = false;
          active.push((users[0] as User).id);
        }
        const params =
          rnd() < 0.5 ? { teamId: String(team) } : { users: users.map((u) => u.email) };
        return { params, active: active.sort((x, y) => x - y), rounds: 1 + Math.floor(rnd() * 3) };
      });
      const todo = pools.flatMap((pool, p) =>
        Array.from({ length: pool.active.length * pool.rounds }, () => p),
      );
      // Shuffled: the two rotations run interleaved, in the same crossFlowState.
      todo.sort(() => rnd() - 0.5);
      let state: State = {};
      const counts = new Map<number, number>();
      for (const p of todo) {
        const pool = pools[p] as (typeof pools)[number];
        const result = await assign({ leadId: String(newLead()), ...pool.params }, state);
        const id = result.data.assignedTo.id;
        expect(pool.active, `trial ${trial}`).toContain(id);
        counts.set(id, (counts.get(id) ?? 0) + 1);
        state = result.state;
      }
      for (const pool of pools) {
        for (const id of pool.active) expect(counts.get(id), `trial ${trial}`).toBe(pool.rounds);
      }
    }
  });
});
