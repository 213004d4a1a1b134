/** Users actions through the harness on the built component, against the emulator. */
import { describe, expect, it } from "vitest";
import { DEFAULT_API_KEY } from "./emulator";
import { ACTIVATION_EMAILS, type SentActivationEmail } from "./emulator/resources/users";
import {
  actionError,
  actionRunner,
  errorRunner,
  idOf,
  idsOf,
  loginConnection,
  useEmulator,
} from "./helpers";

const emu = useEmulator();

const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

const activationEmails = () => [
  ...emu.store.table<SentActivationEmail>(ACTIVATION_EMAILS).values(),
];

/** Creates a user straight in the emulator's store (invited, not activated yet). */
function seedUser(email: string): number {
  const template = emu.store.users.get(516);
  if (!template) throw new Error("seed user 516 is missing");
  const id = emu.store.nextId();
  emu.store.users.set(id, { ...template, id, email, has_activated: false, team_ids: [] });
  return id;
}

describe("List Users", () => {
  it("sends every documented filter and returns the matching users", async () => {
    const result = await run("listUsers", {
      email: "john.doe@mycompany.com",
      lastname: "Doe",
      firstname: "John",
      status: "activated",
      direction: "desc",
      role: "non-admin",
      teams: ["Sales", "2"],
    });
    const [request] = emu.requests("GET", "/users");
    expect(emu.log).toHaveLength(1);
    expect(request?.query).toEqual({
      email: "john.doe@mycompany.com",
      lastname: "Doe",
      firstname: "John",
      status: "activated",
      direction: "desc",
      role: "non-admin",
      teams: "Sales,2",
    });
    expect(request?.headers["x-api-key"]).toBe(DEFAULT_API_KEY);
    const users = result?.data as Array<Record<string, unknown>>;
    expect(idsOf(users)).toEqual([515]);
    expect(users[0]).toMatchObject({
      email: "john.doe@mycompany.com",
      job_title: "CEO",
      is_admin: false,
      permalink: `${emu.url}/users/515`,
    });
    expect(users[0]).not.toHaveProperty("password");
  });

  it("sends no query without filters and lists disabled users too", async () => {
    const result = await run("listUsers");
    expect(emu.requests("GET", "/users")[0]?.query).toEqual({});
    expect(idsOf(result?.data)).toEqual(expect.arrayContaining([514, 515, 516, 517]));
  });

  it("filters by role, status, team and direction", async () => {
    const admins = await run("listUsers", { role: "admin" });
    expect(idsOf(admins?.data)).toEqual([514]);
    const deactivated = await run("listUsers", { status: "deactivated" });
    expect(idsOf(deactivated?.data)).toContain(517);
    expect(idsOf(deactivated?.data)).not.toContain(514);
    const sales = await run("listUsers", { teams: "Sales", direction: "desc" });
    expect(idsOf(sales?.data)).toEqual([515, 514]);
    expect(emu.requests("GET", "/users").map((r) => r.query)).toEqual([
      { role: "admin" },
      { status: "deactivated" },
      { teams: "Sales", direction: "desc" },
    ]);
  });

  it("refuses a malformed email filter or an unknown role with zero requests", async () => {
    const email = await errorFrom("listUsers", { email: "john.doe@" });
    expect(email.message).toMatch(/^Email: "john.doe@" is not a valid email address/);
    const role = await errorFrom("listUsers", { role: "owner" });
    expect(role.message).toBe('Role: "owner" is not one of: all, admin, non-admin.');
    expect(emu.log).toHaveLength(0);
  });
});

describe("Create User", () => {
  it("posts the user's fields and stores the user, without sending the activation email", async () => {
    const result = await run("createUser", {
      email: "albert.einstein@genius.com",
      lastname: "Einstein",
      firstname: "Albert",
      isAdmin: "true",
    });
    const [request] = emu.requests("POST", "/users");
    expect(emu.log).toHaveLength(1);
    expect(request?.body).toEqual({
      email: "albert.einstein@genius.com",
      lastname: "Einstein",
      firstname: "Albert",
      is_admin: true,
    });
    const created = { id: idOf(result?.data) };
    expect(result?.data).toMatchObject({
      email: "albert.einstein@genius.com",
      is_admin: true,
      has_activated: false,
      permalink: `${emu.url}/users/${created.id}`,
    });
    expect(emu.store.users.get(created.id)).toMatchObject({
      firstname: "Albert",
      lastname: "Einstein",
      is_admin: true,
    });
    expect(activationEmails().some((e) => e.user_id === created.id)).toBe(false);
  });

  it("sends dont_send_email: false only when Send Activation Email is on", async () => {
    const on = await run("createUser", {
      email: "marie.curie@genius.com",
      sendActivationEmail: "true",
    });
    const off = await run("createUser", {
      email: "niels.bohr@genius.com",
      sendActivationEmail: "false",
    });
    // Off is the API's default (no email), so nothing is added to the body.
    expect(emu.requests("POST", "/users").map((r) => r.body)).toEqual([
      { email: "marie.curie@genius.com", is_admin: false, dont_send_email: false },
      { email: "niels.bohr@genius.com", is_admin: false },
    ]);
    const sentTo = activationEmails().map((e) => e.user_id);
    expect(sentTo).toContain(idOf(on?.data));
    expect(sentTo).not.toContain(idOf(off?.data));
  });

  it("refuses a malformed or missing email with zero requests", async () => {
    const malformed = await errorFrom("createUser", { email: "albert einstein@genius" });
    expect(malformed.message).toContain("Email:");
    expect(malformed.message).toContain("is not a valid email address");
    const missing = await errorFrom("createUser");
    expect(missing.message).toMatch(/^Email: is required/);
    expect(emu.log).toHaveLength(0);
  });

  it("is refused plainly for a user who is not an admin, and allowed for an admin", async () => {
    const before = emu.store.users.size;
    const error = await actionError("createUser", {
      connection: loginConnection(emu, "john.doe@mycompany.com"),
      email: "intruder@mycompany.com",
    });
    expect(error.name).toBe("ApiError");
    expect(error.message).toContain(
      "Pro Pipe Lines answered 401 on POST /users: Unauthorized: the user has not the privileges to do this action.",
    );
    expect(error.message).toContain("The connection's user is not an admin");
    // One refused POST, not retried with a fresh token; nothing created.
    expect(emu.requests("POST", "/users")).toHaveLength(1);
    expect(emu.requests("POST", "/users")[0]?.status).toBe(401);
    expect(emu.store.users.size).toBe(before);

    const admin = await run("createUser", { email: "welcome@mycompany.com" }, loginConnection(emu));
    expect(admin?.data).toMatchObject({ email: "welcome@mycompany.com" });
    const posts = emu.requests("POST", "/users");
    expect(posts[1]?.headers["x-user-token"]).toBeTruthy();
    expect(posts[1]?.status).toBe(200);
  });
});

describe("Get User", () => {
  it("gets a user by id", async () => {
    const result = await run("getUser", { userId: "514" });
    expect(emu.log.map((r) => [r.method, r.path, r.query])).toEqual([["GET", "/users/514", {}]]);
    expect(result?.data).toMatchObject({ id: 514, email: "stef@example.com", is_admin: true });
    expect(result?.data).not.toHaveProperty("password");
  });

  it("gets a user by email, encoded as one path segment", async () => {
    const result = await run("getUser", { userId: "john.doe@mycompany.com" });
    expect(emu.log.map((r) => [r.method, r.path])).toEqual([
      ["GET", "/users/john.doe%40mycompany.com"],
    ]);
    expect(result?.data).toMatchObject({ id: 515, lastname: "Doe" });
  });

  it("is allowed for a user who is not an admin", async () => {
    const result = await run(
      "getUser",
      { userId: "514" },
      loginConnection(emu, "john.doe@mycompany.com"),
    );
    expect(result?.data).toMatchObject({ id: 514 });
  });

  it("refuses a value that is neither an id nor an email, with zero requests", async () => {
    const error = await errorFrom("getUser", { userId: "john" });
    expect(error.message).toBe(
      'User: "john" is neither a user ID (a whole number) nor an email address.',
    );
    expect(emu.log).toHaveLength(0);
  });
});

describe("Send Activation Email", () => {
  it("answers sent: true on 200 (user not activated yet) and the email goes out", async () => {
    const id = seedUser("newcomer@mycompany.com");
    const result = await run("sendUserActivationEmail", { userId: String(id) });
    expect(emu.log.map((r) => [r.method, r.path, r.status])).toEqual([
      ["GET", `/users/${id}/send_activation_email`, 200],
    ]);
    expect(result?.data).toEqual({ sent: true, alreadyActivated: false });
    expect(activationEmails().filter((e) => e.user_id === id)).toHaveLength(1);
  });

  it("answers sent: false, alreadyActivated: true on 304", async () => {
    const before = activationEmails().length;
    const result = await run("sendUserActivationEmail", { userId: "515" });
    expect(emu.log.map((r) => [r.method, r.path, r.status])).toEqual([
      ["GET", "/users/515/send_activation_email", 304],
    ]);
    expect(result?.data).toEqual({ sent: false, alreadyActivated: true });
    expect(activationEmails()).toHaveLength(before);
  });

  it("refuses an email address (the call takes the user's id) with zero requests", async () => {
    const error = await errorFrom("sendUserActivationEmail", { userId: "john.doe@mycompany.com" });
    expect(error.message).toMatch(/^User ID: "john.doe@mycompany.com" is not a valid ID/);
    expect(emu.log).toHaveLength(0);
  });

  it("is refused plainly for a user who is not an admin", async () => {
    const id = seedUser("waiting@mycompany.com");
    const error = await actionError("sendUserActivationEmail", {
      connection: loginConnection(emu, "john.doe@mycompany.com"),
      userId: String(id),
    });
    expect(error.message).toMatch(/answered 401 .*not an admin/);
    expect(activationEmails().filter((e) => e.user_id === id)).toHaveLength(0);
  });
});

describe("Disable User", () => {
  it("puts /users/{id}/disable and the user is disabled", async () => {
    const id = seedUser("leaving@mycompany.com");
    const result = await run("disableUser", { userId: String(id) });
    expect(emu.log.map((r) => [r.method, r.path, r.body])).toEqual([
      ["PUT", `/users/${id}/disable`, undefined],
    ]);
    expect(result?.data).toMatchObject({ id, email: "leaving@mycompany.com", is_disabled: true });
    expect(emu.store.users.get(id)?.is_disabled).toBe(true);
  });

  it("is refused plainly for a user who is not an admin, and the user stays enabled", async () => {
    const error = await actionError("disableUser", {
      connection: loginConnection(emu, "john.doe@mycompany.com"),
      userId: "516",
    });
    expect(error.message).toContain("the user has not the privileges to do this action");
    expect(emu.requests("PUT", "/users/516/disable")).toHaveLength(1);
    expect(emu.store.users.get(516)?.is_disabled).toBe(false);
  });
});
