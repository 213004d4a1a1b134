/**
 * Users: list (with the documented filters), create, retrieve by id or email, activation email
 * (200 sent / 304 already activated, no body), disable. Admin-only calls refuse non-admin USER
 * tokens with the document's 401.
 */
import { badValue, bodyOf, missingParameter, or404, ordered, unprocessable } from "../http";
import type { Emulator } from "../server";
import type { User } from "../store";
import { requireAdmin } from "./access";
import { teamsOf } from "./teams";

/** Activation emails the emulator "sent", in order (tests read them). */
export interface SentActivationEmail {
  id: number;
  user_id: number;
  email: string;
}

export const ACTIVATION_EMAILS = "activation_emails";

/**
 * A user as the live API returns it: no password, its teams (`{id, name, is_manager}`),
 * `has_activated`, `is_disabled` and its permalink.
 */
export function userJson(emu: Emulator, user: User) {
  const { password: _password, team_ids: teamIds, ...fields } = user;
  const teams = teamIds.flatMap((id) => {
    const team = teamsOf(emu.store).get(id);
    return team ? [{ id, name: team.name, is_manager: team.manager_ids.includes(user.id) }] : [];
  });
  return {
    im_type: "",
    im: "",
    ...fields,
    teams,
    permalink: `${emu.url}/users/${user.id}`,
  };
}

function flag(value: unknown): boolean | undefined {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return undefined;
}

/** Team ids for the `teams` filter: each entry is a team id or a team name. */
function teamIds(emu: Emulator, list: string): Set<number> {
  const teams = [...emu.store.table<{ id: number; name: string }>("teams").values()];
  const ids = new Set<number>();
  for (const entry of list.split(",").map((s) => s.trim())) {
    const team = /^\d+$/.test(entry)
      ? teams.find((t) => t.id === Number(entry))
      : teams.find((t) => t.name.toLowerCase() === entry.toLowerCase());
    if (team) ids.add(team.id);
  }
  return ids;
}

function matches(emu: Emulator, user: User, q: Record<string, string>): boolean {
  const same = (a: string | null, b: string | undefined) =>
    b === undefined || (a ?? "").toLowerCase() === b.toLowerCase();
  if (!same(user.email, q.email) || !same(user.lastname, q.lastname)) return false;
  if (!same(user.firstname, q.firstname)) return false;
  const active = user.has_activated && !user.is_disabled;
  if (q.status === "activated" && !active) return false;
  if (q.status === "deactivated" && active) return false;
  if (q.role === "admin" && !user.is_admin) return false;
  if (q.role === "non-admin" && user.is_admin) return false;
  if (q.teams) {
    const wanted = teamIds(emu, q.teams);
    if (!user.team_ids.some((id) => wanted.has(id))) return false;
  }
  return true;
}

export function register(emu: Emulator): void {
  const { router, store } = emu;
  const sent = store.table<SentActivationEmail>(ACTIVATION_EMAILS);

  const userOr404 = (idOrEmail: string): User => or404(store.findUser(idOrEmail));

  router.on("GET", "/users", (ctx) => {
    const q = ctx.query;
    if (q.status && !["all", "activated", "deactivated"].includes(q.status))
      throw badValue("status");
    if (q.role && !["all", "admin", "non-admin"].includes(q.role)) throw badValue("role");
    const found = [...store.users.values()].filter((u) => matches(emu, u, q));
    return { body: ordered(found, q.direction, (u) => u.id).map((u) => userJson(emu, u)) };
  });

  router.on("POST", "/users", (ctx) => {
    requireAdmin(store, ctx);
    const body = bodyOf(ctx);
    const email = typeof body.email === "string" ? body.email.trim() : "";
    if (!email) throw missingParameter();
    // Even a disabled user's email cannot be reused (API document).
    if (store.findUser(email)) throw unprocessable();
    const time = store.now();
    const user: User = {
      id: store.nextId(),
      firstname: typeof body.firstname === "string" ? body.firstname : "",
      // The live API keeps no last name as null.
      lastname: typeof body.lastname === "string" && body.lastname ? body.lastname : null,
      email,
      password: "",
      phone: "",
      mobile_phone: "",
      job_title: "",
      is_admin: flag(body.is_admin) ?? false,
      has_activated: false,
      is_disabled: false,
      locale: "en",
      time_zone: "America/Denver",
      created_at: time,
      updated_at: time,
      team_ids: [],
    };
    store.users.set(user.id, user);
    if (flag(body.dont_send_email) === false) {
      const id = store.nextId();
      sent.set(id, { id, user_id: user.id, email });
    }
    return { body: userJson(emu, user) };
  });

  router.on("GET", "/users/:id", (ctx) => ({ body: userJson(emu, userOr404(ctx.params.id)) }));

  router.on("GET", "/users/:id/send_activation_email", (ctx) => {
    requireAdmin(store, ctx);
    const user = userOr404(ctx.params.id);
    if (user.has_activated) return { status: 304 };
    const id = store.nextId();
    sent.set(id, { id, user_id: user.id, email: user.email });
    return { status: 200 };
  });

  router.on("PUT", "/users/:id/disable", (ctx) => {
    requireAdmin(store, ctx);
    const user = userOr404(ctx.params.id);
    user.is_disabled = true;
    user.updated_at = store.now();
    return { body: userJson(emu, user) };
  });
}
