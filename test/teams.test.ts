/** Teams actions through the harness on the built component, against the emulator. */
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_API_KEY } from "./emulator";
import { TEAMS, type Team } from "./emulator/resources/teams";
import {
  actionError,
  actionRunner,
  dataOf,
  errorRunner,
  expectSent,
  idOf,
  idsOf,
  loginConnection,
  useEmulator,
} from "./helpers";

const emu = useEmulator();
const teams = () => emu.store.table<Team>(TEAMS);

const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

const memberIds = (team: unknown) =>
  (team as { users: Array<{ id: number }> }).users.map((u) => u.id);
const teamIdsOf = (userId: number) => emu.store.users.get(userId)?.team_ids;

describe("List Teams", () => {
  it("gets /teams and returns each team with its members and managers", async () => {
    const result = await run("listTeams");
    expectSent(emu, [
      { method: "GET", path: "/teams", query: {}, headers: { "x-api-key": DEFAULT_API_KEY } },
    ]);
    const sales = dataOf<Array<{ id: number }>>(result).find((t) => t.id === 2);
    expect(sales).toMatchObject({
      name: "Sales",
      users: [
        { id: 514, email: "stef@example.com", is_manager: true },
        { id: 515, email: "john.doe@mycompany.com", is_manager: false },
      ],
    });
  });

  it("is allowed for a user who is not an admin", async () => {
    const result = await run("listTeams", {}, loginConnection(emu, "john.doe@mycompany.com"));
    expect(idsOf(result?.data)).toEqual([2, 3]);
    // John's first request in this file: his connection logs in first.
    expectSent(emu, [
      { method: "GET", path: "/auth/login" },
      {
        method: "GET",
        path: "/teams",
        headers: { "x-user-token": expect.stringMatching(/^tok-/) },
      },
    ]);
  });
});

describe("Get Team", () => {
  it("gets a team by id", async () => {
    const result = await run("getTeam", { teamId: "2" });
    expectSent(emu, [{ method: "GET", path: "/teams/2", body: undefined }]);
    expect(result?.data).toMatchObject({ id: 2, name: "Sales" });
    expect(memberIds(result?.data)).toEqual([514, 515]);
  });

  it("gets a team by name", async () => {
    const result = await run("getTeam", { teamId: "Marketing" });
    expectSent(emu, [{ method: "GET", path: "/teams/Marketing", body: undefined }]);
    expect(result?.data).toMatchObject({ id: 3, name: "Marketing", users: [] });
  });

  it("is refused plainly for a user who is not an admin", async () => {
    const connection = loginConnection(emu, "john.doe@mycompany.com");
    // John's token is fetched first (as his earlier calls in this file do), so the log holds
    // only the refused call, whichever tests run.
    await run("testConnection", {}, connection);
    emu.clearLog();
    const error = await actionError("getTeam", { connection, teamId: "2" });
    // Known from the login's answer: refused before the call, naming the fix.
    expect(error).toMatchObject({ name: "InputError", input: "Connection" });
    expect(error.message).toContain(
      "Get Team needs an administrator, and the connection's user is not one. Use an admin user's login, or an API Key connection without Act as User.",
    );
    expectSent(emu, []);
  });
});

describe("Team round trip: create → add member → get → update → remove member → delete", () => {
  it("changes the emulator's state at each step", async () => {
    // Create
    const created = await run("createTeam", { name: "Web Sales" });
    const id = idOf(created?.data);
    expectSent(emu, [{ method: "POST", path: "/teams", body: { name: "Web Sales" } }]);
    expect(created?.data).toMatchObject({ name: "Web Sales", users: [] });
    expect(teams().get(id)?.name).toBe("Web Sales");

    // Add a member (by email) as manager
    emu.clearLog();
    const added = await run("addTeamMember", {
      teamId: String(id),
      userId: "john.doe@mycompany.com",
      isManager: "true",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: `/teams/${id}/add_member`,
        body: { user_id: "john.doe@mycompany.com", is_manager: true },
      },
    ]);
    expect(added?.data).toMatchObject({ id, users: [{ id: 515, is_manager: true }] });
    expect(teamIdsOf(515)).toContain(id);

    // Get: the member is there
    emu.clearLog();
    const got = await run("getTeam", { teamId: String(id) });
    expectSent(emu, [{ method: "GET", path: `/teams/${id}`, body: undefined }]);
    expect(got?.data).toMatchObject({
      id,
      name: "Web Sales",
      users: [{ id: 515, email: "john.doe@mycompany.com", is_manager: true }],
    });

    // Update (rename)
    emu.clearLog();
    const updated = await run("updateTeam", { teamId: String(id), name: "Inside Sales" });
    expectSent(emu, [{ method: "PUT", path: `/teams/${id}`, body: { name: "Inside Sales" } }]);
    expect(updated?.data).toMatchObject({ id, name: "Inside Sales" });
    expect(teams().get(id)?.name).toBe("Inside Sales");

    // Remove the member (by id)
    emu.clearLog();
    const removed = await run("removeTeamMember", { teamId: String(id), userId: "515" });
    expectSent(emu, [
      { method: "DELETE", path: `/teams/${id}/remove_member`, body: { user_id: 515 } },
    ]);
    expect(removed?.data).toMatchObject({ id, users: [] });
    expect(teamIdsOf(515)).not.toContain(id);
    expect(teamIdsOf(515)).toContain(2);

    // Delete
    emu.clearLog();
    const deleted = await run("deleteTeam", { teamId: String(id) });
    expectSent(emu, [{ method: "DELETE", path: `/teams/${id}`, body: undefined }]);
    expect(deleted?.data).toEqual({ id });
    expect(teams().has(id)).toBe(false);

    // Reading it back now fails with the API's 404
    emu.clearLog();
    const gone = await errorFrom("getTeam", { teamId: String(id) });
    expect(gone.message).toContain(`answered 404 on GET /teams/${id}`);
    expectSent(emu, [{ method: "GET", path: `/teams/${id}`, status: 404 }]);
  });

  it("adds a member who is not a manager with is_manager: false", async () => {
    const result = await run("addTeamMember", { teamId: "3", userId: "516" });
    expectSent(emu, [
      { method: "POST", path: "/teams/3/add_member", body: { user_id: 516, is_manager: false } },
    ]);
    expect(result?.data).toMatchObject({ id: 3, users: [{ id: 516, is_manager: false }] });
    expect(teamIdsOf(516)).toEqual([3]);
  });

  it("lets an admin user (User Login) create a team", async () => {
    const result = await run("createTeam", { name: "Partners" }, loginConnection(emu));
    const id = idOf(result?.data);
    // Stéphanie's first request in this file: her connection logs in first.
    expectSent(emu, [
      { method: "GET", path: "/auth/login" },
      {
        method: "POST",
        path: "/teams",
        headers: { "x-user-token": expect.stringMatching(/^tok-/) },
        body: { name: "Partners" },
      },
    ]);
    expect(teams().get(id)?.name).toBe("Partners");
  });
});

describe("Admin-only calls with a user who is not an admin", () => {
  const john = () => loginConnection(emu, "john.doe@mycompany.com");

  // John's token is fetched before these tests (as his earlier calls in this file do), so each
  // test's log holds only its own refused calls, whichever tests run.
  beforeAll(async () => {
    await run("testConnection", {}, john());
  });

  it("Create Team is refused plainly and nothing is created", async () => {
    const before = teams().size;
    const error = await actionError("createTeam", { connection: john(), name: "Shadow team" });
    expect(error).toMatchObject({ name: "InputError", input: "Connection" });
    expect(error.message).toMatch(/^Connection: Create Team needs an administrator/);
    expectSent(emu, []);
    expect(teams().size).toBe(before);
  });

  it("Add, Remove Team Member, Update and Delete Team are refused and change nothing", async () => {
    const calls: Array<[string, Record<string, unknown>]> = [
      ["addTeamMember", { teamId: "2", userId: "516" }],
      ["removeTeamMember", { teamId: "2", userId: "514" }],
      ["updateTeam", { teamId: "2", name: "Renamed" }],
      ["deleteTeam", { teamId: "2" }],
    ];
    for (const [key, params] of calls) {
      const error = await actionError(key, { connection: john(), ...params });
      expect(error.message).toContain("the connection's user is not one");
    }
    expectSent(emu, []);
    expect(teams().get(2)?.name).toBe("Sales");
    expect(teamIdsOf(514)).toContain(2);
    expect(teamIdsOf(516)).not.toContain(2);
  });
});

describe("Bad inputs cost zero requests", () => {
  it("refuses a team id that is not a number", async () => {
    const error = await errorFrom("deleteTeam", { teamId: "Sales" });
    expect(error.message).toBe(
      'Team ID: "Sales" is not a valid ID: enter a whole number such as 8113, or pick one from the list.',
    );
    expectSent(emu, []);
  });

  it("refuses a malformed member email and a missing member", async () => {
    const malformed = await errorFrom("addTeamMember", {
      teamId: "2",
      userId: "john.doe@mycompany",
    });
    expect(malformed.message).toMatch(/^User: "john.doe@mycompany" is not a valid email address/);
    const missing = await errorFrom("removeTeamMember", { teamId: "2" });
    expect(missing.message).toMatch(/^User: is required/);
    expectSent(emu, []);
  });

  it("refuses an empty team name", async () => {
    const error = await errorFrom("updateTeam", { teamId: "2", name: "  " });
    expect(error.message).toMatch(/^Team Name: is required/);
    expectSent(emu, []);
  });
});
