/** Users actions through the harness on the built component, against the emulator. */
import { describe, expect, it } from "vitest";
import { DEFAULT_API_KEY } from "./emulator";
import { ACTIVATION_EMAILS, type SentActivationEmail } from "./emulator/resources/users";
import {
  actionError,
  actionRunner,
  basicAuth,
  errorRunner,
  expectSent,
  idOf,
  idsOf,
  loginConnection,
  USER_PASSWORD,
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
    expectSent(emu, [
      {
        method: "GET",
        path: "/users",
        query: {
          email: "john.doe@mycompany.com",
          lastname: "Doe",
          firstname: "John",
          status: "activated",
          direction: "desc",
          role: "non-admin",
          teams: "Sales,2",
        },
        headers: { "x-api-key": DEFAULT_API_KEY },
      },
    ]);
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

  it("lists active users by default, and disabled users too when Status is All", async () => {
    const active = await run("listUsers");
    const all = await run("listUsers", { status: "all" });
    expectSent(emu, [
      { method: "GET", path: "/users", query: { status: "activated" } },
      { method: "GET", path: "/users", query: { status: "all" } },
    ]);
    expect(idsOf(active?.data)).toEqual(expect.arrayContaining([514, 515, 516]));
    expect(idsOf(active?.data)).not.toContain(517);
    expect(idsOf(all?.data)).toEqual(expect.arrayContaining([514, 515, 516, 517]));
  });

  it("filters by role, status, team and direction", async () => {
    const admins = await run("listUsers", { role: "admin" });
    expect(idsOf(admins?.data)).toEqual([514]);
    const deactivated = await run("listUsers", { status: "deactivated" });
    expect(idsOf(deactivated?.data)).toContain(517);
    expect(idsOf(deactivated?.data)).not.toContain(514);
    const sales = await run("listUsers", { teams: "Sales", direction: "desc" });
    expect(idsOf(sales?.data)).toEqual([515, 514]);
    expectSent(emu, [
      { method: "GET", path: "/users", query: { role: "admin", status: "activated" } },
      { method: "GET", path: "/users", query: { status: "deactivated" } },
      {
        method: "GET",
        path: "/users",
        query: { teams: "Sales", direction: "desc", status: "activated" },
      },
    ]);
  });

  it("refuses a malformed email filter or an unknown role with zero requests", async () => {
    const email = await errorFrom("listUsers", { email: "john.doe@" });
    expect(email.message).toMatch(/^Email: "john.doe@" is not a valid email address/);
    const role = await errorFrom("listUsers", { role: "owner" });
    expect(role.message).toBe('Role: "owner" is not one of: all, admin, non-admin.');
    expectSent(emu, []);
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
    expectSent(emu, [
      {
        method: "POST",
        path: "/users",
        body: {
          email: "albert.einstein@genius.com",
          lastname: "Einstein",
          firstname: "Albert",
          is_admin: true,
        },
      },
    ]);
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
    expectSent(emu, [
      {
        method: "POST",
        path: "/users",
        body: { email: "marie.curie@genius.com", is_admin: false, dont_send_email: false },
      },
      { method: "POST", path: "/users", body: { email: "niels.bohr@genius.com", is_admin: false } },
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
    expectSent(emu, []);
  });

  it("is refused plainly for a user who is not an admin, and allowed for an admin", async () => {
    const before = emu.store.users.size;
    const error = await actionError("createUser", {
      connection: loginConnection(emu, "john.doe@mycompany.com"),
      email: "intruder@mycompany.com",
    });
    // The login's answer says John is not an admin: refused before the call.
    expect(error).toMatchObject({ name: "InputError", input: "Connection" });
    expect(error.message).toContain(
      "Create User needs an administrator, and the connection's user is not one.",
    );
    expect(emu.store.users.size).toBe(before);

    const admin = await run("createUser", { email: "welcome@mycompany.com" }, loginConnection(emu));
    expect(admin?.data).toMatchObject({ email: "welcome@mycompany.com" });
    // Each connection's first request in this file logs in; John's refused call is not sent.
    expectSent(emu, [
      {
        method: "GET",
        path: "/auth/login",
        headers: { authorization: basicAuth("john.doe@mycompany.com", USER_PASSWORD) },
      },
      {
        method: "GET",
        path: "/auth/login",
        headers: { authorization: basicAuth("stef@example.com", USER_PASSWORD) },
      },
      {
        method: "POST",
        path: "/users",
        headers: { "x-user-token": expect.stringMatching(/^tok-/) },
        status: 200,
      },
    ]);
  });
});

describe("Get User", () => {
  it("gets a user by id", async () => {
    const result = await run("getUser", { userId: "514" });
    expectSent(emu, [{ method: "GET", path: "/users/514", query: {} }]);
    expect(result?.data).toMatchObject({ id: 514, email: "stef@example.com", is_admin: true });
    expect(result?.data).not.toHaveProperty("password");
  });

  it("gets a user by email, encoded as one path segment", async () => {
    const result = await run("getUser", { userId: "john.doe@mycompany.com" });
    expectSent(emu, [{ method: "GET", path: "/users/john.doe%40mycompany.com" }]);
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
    expectSent(emu, []);
  });
});

describe("Send Activation Email", () => {
  it("answers sent: true on 200 (user not activated yet) and the email goes out", async () => {
    const id = seedUser("newcomer@mycompany.com");
    const result = await run("sendUserActivationEmail", { userId: String(id) });
    expectSent(emu, [{ method: "GET", path: `/users/${id}/send_activation_email`, status: 200 }]);
    expect(result?.data).toEqual({ sent: true, alreadyActivated: false });
    expect(activationEmails().filter((e) => e.user_id === id)).toHaveLength(1);
  });

  it("answers sent: false, alreadyActivated: true on 304", async () => {
    const before = activationEmails().length;
    const result = await run("sendUserActivationEmail", { userId: "515" });
    expectSent(emu, [{ method: "GET", path: "/users/515/send_activation_email", status: 304 }]);
    expect(result?.data).toEqual({ sent: false, alreadyActivated: true });
    expect(activationEmails()).toHaveLength(before);
  });

  it("refuses an email address (the call takes the user's id) with zero requests", async () => {
    const error = await errorFrom("sendUserActivationEmail", { userId: "john.doe@mycompany.com" });
    expect(error.message).toMatch(/^User ID: "john.doe@mycompany.com" is not a valid ID/);
    expectSent(emu, []);
  });

  it("is refused plainly for a user who is not an admin", async () => {
    const id = seedUser("waiting@mycompany.com");
    const connection = loginConnection(emu, "john.doe@mycompany.com");
    // John's token is fetched first (as his earlier calls in this file do), so the log holds
    // only the refused call, whichever tests run.
    await run("testConnection", {}, connection);
    emu.clearLog();
    const error = await actionError("sendUserActivationEmail", { connection, userId: String(id) });
    expect(error.message).toMatch(/^Connection: Send Activation Email needs an administrator/);
    expectSent(emu, []);
    expect(activationEmails().filter((e) => e.user_id === id)).toHaveLength(0);
  });
});

describe("Disable User", () => {
  it("puts /users/{id}/disable and the user is disabled", async () => {
    const id = seedUser("leaving@mycompany.com");
    const result = await run("disableUser", { userId: String(id) });
    expectSent(emu, [{ method: "PUT", path: `/users/${id}/disable`, body: undefined }]);
    expect(result?.data).toMatchObject({ id, email: "leaving@mycompany.com", is_disabled: true });
    expect(emu.store.users.get(id)?.is_disabled).toBe(true);
  });

  it("is refused plainly for a user who is not an admin, and the user stays enabled", async () => {
    const connection = loginConnection(emu, "john.doe@mycompany.com");
    // John's token is fetched first (as his earlier calls in this file do), so the log holds
    // only the refused call, whichever tests run.
    await run("testConnection", {}, connection);
    emu.clearLog();
    const error = await actionError("disableUser", { connection, userId: "516" });
    expect(error.message).toMatch(/^Connection: Disable User needs an administrator/);
    expectSent(emu, []);
    expect(emu.store.users.get(516)?.is_disabled).toBe(false);
  });
});
