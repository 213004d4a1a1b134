/** Client folder actions through the harness, against the emulator's state. */
import { describe, expect, it } from "vitest";
import type { ClientFolder } from "./emulator/resources/clientFolders";
import {
  actionError,
  actionRunner,
  basicAuth,
  dataOf,
  errorRunner,
  expectSent,
  harness,
  loginConnection,
  USER_PASSWORD,
  useEmulator,
} from "./helpers";

const emu = useEmulator();
const folders = () => emu.store.table<ClientFolder>("clientFolders");

const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

describe("List Client Folders", () => {
  it("sends no sort parameters by default and returns the folders by name", async () => {
    const result = await run("listClientFolders");
    expectSent(emu, [{ method: "GET", path: "/clients", query: {}, status: 200 }]);
    const names = dataOf<Array<{ name: string }>>(result).map((f) => f.name);
    expect(names.slice(0, 2)).toEqual(["Acme", "Corporate"]);
  });

  it("sends the chosen order and direction", async () => {
    const result = await run("listClientFolders", { order: "id", direction: "desc" });
    expectSent(emu, [
      { method: "GET", path: "/clients", query: { order: "id", direction: "desc" } },
    ]);
    const ids = dataOf<Array<{ id: number }>>(result).map((f) => f.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("refuses an order outside the dropdown with no request", async () => {
    const error = await errorFrom("listClientFolders", { order: "created_at" });
    expect(error).toMatchObject({ name: "InputError", input: "Order By" });
    expectSent(emu, []);
  });
});

describe("client folder round trip", () => {
  it("creates, reads, updates and deletes a folder in the account", async () => {
    const created = await run("createClientFolder", {
      name: "Blue Client",
      description: "Address: 2344 Paradise Av, Eden CA 90001",
      owner: "john.doe@mycompany.com",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/clients",
        body: {
          name: "Blue Client",
          description: "Address: 2344 Paradise Av, Eden CA 90001",
          user_id: "john.doe@mycompany.com",
        },
      },
    ]);
    const folder = created?.data as { id: number; user_id: number };
    expect(folder).toMatchObject({ name: "Blue Client", user_id: 515, is_active: true });
    expect(folders().get(folder.id)).toMatchObject({ name: "Blue Client", user_id: 515 });

    emu.clearLog();
    const got = await run("getClientFolder", { clientFolderId: String(folder.id) });
    expectSent(emu, [{ method: "GET", path: `/clients/${folder.id}` }]);
    expect(got?.data).toMatchObject({
      id: folder.id,
      name: "Blue Client",
      extended_info: {
        fields: { address: "2344 Paradise Av, Eden CA 90001" },
        user: { id: 515, email: "john.doe@mycompany.com" },
      },
    });

    emu.clearLog();
    const updated = await run("updateClientFolder", {
      clientFolderId: String(folder.id),
      name: "Blue Corp",
      status: "inactive",
    });
    expectSent(emu, [
      {
        method: "PUT",
        path: `/clients/${folder.id}`,
        body: { name: "Blue Corp", is_active: false },
      },
    ]);
    expect(updated?.data).toMatchObject({ id: folder.id, name: "Blue Corp", is_active: false });
    expect(folders().get(folder.id)).toMatchObject({
      name: "Blue Corp",
      is_active: false,
      description: "Address: 2344 Paradise Av, Eden CA 90001",
    });

    emu.clearLog();
    const deleted = await run("deleteClientFolder", { clientFolderId: String(folder.id) });
    expectSent(emu, [{ method: "DELETE", path: `/clients/${folder.id}` }]);
    expect(deleted?.data).toEqual({ id: folder.id });
    expect(folders().has(folder.id)).toBe(false);

    emu.clearLog();
    const gone = await errorFrom("getClientFolder", { clientFolderId: String(folder.id) });
    expect(gone).toMatchObject({ name: "ApiError", status: 404 });
    expectSent(emu, [{ method: "GET", path: `/clients/${folder.id}`, status: 404 }]);
  });

  it("creates a folder owned by the user of a User Login connection", async () => {
    const created = await harness.action("createClientFolder", {
      connection: loginConnection(emu),
      name: "Green Client",
    });
    // The connection's first request in this file: it logs in first.
    expectSent(emu, [
      {
        method: "GET",
        path: "/auth/login",
        headers: { authorization: basicAuth("stef@example.com", USER_PASSWORD) },
      },
      {
        method: "POST",
        path: "/clients",
        body: { name: "Green Client" },
        headers: { "x-user-token": expect.stringMatching(/^tok-/), "x-api-key": undefined },
      },
    ]);
    expect(created?.data).toMatchObject({ name: "Green Client", user_id: 514 });
  });
});

describe("client folder inputs refused before sending", () => {
  it("refuses an Owner with a User Login connection (the API would)", async () => {
    const error = await actionError("createClientFolder", {
      connection: loginConnection(emu),
      name: "Green Client",
      owner: "515",
    });
    expect(error).toMatchObject({ name: "InputError", input: "Owner" });
    expectSent(emu, []);
  });

  it("refuses a create without a name", async () => {
    const error = await errorFrom("createClientFolder", { name: "  " });
    expect(error).toMatchObject({ name: "InputError", input: "Name" });
    expectSent(emu, []);
  });

  it("refuses an update with nothing to change", async () => {
    const error = await errorFrom("updateClientFolder", { clientFolderId: "12" });
    expect(error.message).toContain("nothing to update");
    expectSent(emu, []);
  });

  it("refuses an id that is not a number", async () => {
    const error = await errorFrom("deleteClientFolder", { clientFolderId: "12/../../users" });
    expect(error).toMatchObject({ name: "InputError", input: "Client Folder ID" });
    expectSent(emu, []);
    expect(folders().has(12)).toBe(true);
  });
});
