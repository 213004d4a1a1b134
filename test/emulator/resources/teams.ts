/**
 * Teams and their members. Membership lives on the users (`User.team_ids`, a core table) so
 * leads and user filters see it; a team keeps only which members are managers. Everything but
 * the list is admin-only for USER tokens.
 */
import {
  badValue,
  bodyOf,
  getOr404,
  missingParameter,
  notFound,
  type RequestContext,
} from "../http";
import type { Emulator } from "../server";
import { SEED_TIME, type Store } from "../store";
import { requireAdmin } from "./access";

export interface Team {
  id: number;
  name: string;
  manager_ids: number[];
  created_at: string;
  updated_at: string;
}

export const TEAMS = "teams";

export const teamsOf = (store: Store) => store.table<Team>(TEAMS);

/** A team with its members, as the document shows it (also inside a lead's `extended_info`). */
export function teamDetail(store: Store, team: Team) {
  const users = [...store.users.values()]
    .filter((u) => u.team_ids.includes(team.id))
    .map((u) => ({ ...store.userSummary(u), is_manager: team.manager_ids.includes(u.id) }));
  return {
    id: team.id,
    name: team.name,
    users,
    updated_at: team.updated_at,
    created_at: team.created_at,
  };
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

export function register(emu: Emulator): void {
  const { router, store } = emu;
  const teams = teamsOf(store);

  // Seeds: the account's "Sales" team of the store's leads (users 514 and 515 are members,
  // Stéphanie its manager as in the document's example), and an empty "Marketing".
  for (const team of [
    { id: 2, name: "Sales", manager_ids: [514] },
    { id: 3, name: "Marketing", manager_ids: [] },
  ]) {
    teams.set(team.id, {
      ...team,
      created_at: "2014-02-11T22:41:26.000Z",
      updated_at: SEED_TIME,
    });
  }

  const teamJson = (team: Team) => teamDetail(store, team);

  /** Member changes answer without the name, as in the document's examples. */
  const membershipJson = (team: Team) => {
    const { name: _name, ...rest } = teamJson(team);
    return rest;
  };

  const userFrom = (ctx: RequestContext) => {
    const userId = bodyOf(ctx).user_id;
    if (userId === undefined || userId === "") throw missingParameter();
    const user = store.findUser(userId as string | number);
    if (!user) throw badValue("user_id");
    return user;
  };

  router.on("GET", "/teams", () => ({
    body: [...teams.values()].sort((a, b) => a.id - b.id).map(teamJson),
  }));

  router.on("POST", "/teams", (ctx) => {
    requireAdmin(store, ctx);
    const name = text(bodyOf(ctx).name);
    if (!name) throw missingParameter();
    const time = store.now();
    const team: Team = {
      id: store.nextId(),
      name,
      manager_ids: [],
      created_at: time,
      updated_at: time,
    };
    teams.set(team.id, team);
    return { body: teamJson(team) };
  });

  // By id or by name.
  router.on("GET", "/teams/:id", (ctx) => {
    requireAdmin(store, ctx);
    const key = ctx.params.id;
    const team = /^\d+$/.test(key)
      ? teams.get(Number(key))
      : [...teams.values()].find((t) => t.name.toLowerCase() === key.toLowerCase());
    if (!team) throw notFound();
    return { body: teamJson(team) };
  });

  router.on("PUT", "/teams/:id", (ctx) => {
    requireAdmin(store, ctx);
    const team = getOr404(teams, ctx.params.id);
    const name = text(bodyOf(ctx).name);
    if (!name) throw missingParameter();
    team.name = name;
    team.updated_at = store.now();
    return { body: teamJson(team) };
  });

  router.on("DELETE", "/teams/:id", (ctx) => {
    requireAdmin(store, ctx);
    const team = getOr404(teams, ctx.params.id);
    for (const user of store.users.values()) {
      user.team_ids = user.team_ids.filter((id) => id !== team.id);
    }
    teams.delete(team.id);
    return { body: { id: team.id } };
  });

  // Adds the user, or changes the manager role of a member.
  router.on("POST", "/teams/:id/add_member", (ctx) => {
    requireAdmin(store, ctx);
    const team = getOr404(teams, ctx.params.id);
    const user = userFrom(ctx);
    const isManager = bodyOf(ctx).is_manager;
    if (!user.team_ids.includes(team.id)) user.team_ids = [...user.team_ids, team.id];
    team.manager_ids = team.manager_ids.filter((id) => id !== user.id);
    if (isManager === true || isManager === "true") team.manager_ids.push(user.id);
    team.updated_at = store.now();
    return { body: membershipJson(team) };
  });

  router.on("DELETE", "/teams/:id/remove_member", (ctx) => {
    requireAdmin(store, ctx);
    const team = getOr404(teams, ctx.params.id);
    const user = userFrom(ctx);
    user.team_ids = user.team_ids.filter((id) => id !== team.id);
    team.manager_ids = team.manager_ids.filter((id) => id !== user.id);
    team.updated_at = store.now();
    return { body: membershipJson(team) };
  });
}
