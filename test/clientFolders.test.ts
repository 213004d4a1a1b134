/** Client folder actions through the harness, against the emulator's state. */
import { describe, expect, it } from "vitest";
import type { ClientFolder } from "./emulator/resources/clientFolders";
import {
  actionError,
  actionRunner,
  dataOf,
  errorRunner,
  harness,
  loginConnection,
  useEmulator,
} from "./helpers";

const emu = useEmulator();
const folders = () => emu.store.table<ClientFolder>("clientFolders");

const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

describe("List Client Folders", () => {
  it("sends no sort parameters by default and returns the folders by name", async () => {
    const result = await run("listClientFolders");
    expect(emu.log).toHaveLength(1);
    expect(emu.log[0]).toMatchObject({ method: "GET", path: "/clients", query: {}, status: 200 });
    const names = dataOf<Array<{ name: string }>>(result).map((f) => f.name);
    expect(names.slice(0, 2)).toEqual(["Acme", "Corporate"]);
  });

  it("sends the chosen order and direction", async () => {
    const result = await run("listClientFolders", { order: "id", direction: "desc" });
    expect(emu.log[0]?.query).toEqual({ order: "id", direction: "desc" });
    const ids = dataOf<Array<{ id: number }>>(result).map((f) => f.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("refuses an order outside the dropdown with no request", async () => {
    const error = await errorFrom("listClientFolders", { order: "created_at" });
    expect(error).toMatchObject({ name: "InputError", input: "Order By" });
    expect(emu.log).toHaveLength(0);
  });
});

describe("client folder round trip", () => {
  it("creates, reads, updates and deletes a folder in the account", async () => {
    const created = await run("createClientFolder", {
      name: "Blue Client",
      description: "Address: 2344 Paradise Av, Eden CA 90001",
      owner: "john.doe@mycompany.com",
    });
    const [post] = emu.requests("POST", "/clients");
    expect(post?.body).toEqual({
      name: "Blue Client",
      description: "Address: 2344 Paradise Av, Eden CA 90001",
      user_id: "john.doe@mycompany.com",
    });
    const folder = created?.data as { id: number; user_id: number };
    expect(folder).toMatchObject({ name: "Blue Client", user_id: 515, is_active: true });
    expect(folders().get(folder.id)).toMatchObject({ name: "Blue Client", user_id: 515 });

    const got = await run("getClientFolder", { clientFolderId: String(folder.id) });
    expect(emu.requests("GET", `/clients/${folder.id}`)).toHaveLength(1);
    expect(got?.data).toMatchObject({
      id: folder.id,
      name: "Blue Client",
      extended_info: {
        fields: { address: "2344 Paradise Av, Eden CA 90001" },
        user: { id: 515, email: "john.doe@mycompany.com" },
      },
    });

    const updated = await run("updateClientFolder", {
      clientFolderId: String(folder.id),
      name: "Blue Corp",
      status: "inactive",
    });
    const [put] = emu.requests("PUT", `/clients/${folder.id}`);
    expect(put?.body).toEqual({ name: "Blue Corp", is_active: false });
    expect(updated?.data).toMatchObject({ id: folder.id, name: "Blue Corp", is_active: false });
    expect(folders().get(folder.id)).toMatchObject({
      name: "Blue Corp",
      is_active: false,
      description: "Address: 2344 Paradise Av, Eden CA 90001",
    });

    const deleted = await run("deleteClientFolder", { clientFolderId: String(folder.id) });
    expect(emu.requests("DELETE", `/clients/${folder.id}`)).toHaveLength(1);
    expect(deleted?.data).toEqual({ id: folder.id });
    expect(folders().has(folder.id)).toBe(false);

    const gone = await errorFrom("getClientFolder", { clientFolderId: String(folder.id) });
    expect(gone).toMatchObject({ name: "ApiError", status: 404 });
  });

  it("creates a folder owned by the user of a User Login connection", async () => {
    const created = await harness.action("createClientFolder", {
      connection: loginConnection(emu),
      name: "Green Client",
    });
    expect(emu.requests("POST", "/clients")[0]?.body).toEqual({ name: "Green Client" });
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
    expect(emu.log).toHaveLength(0);
  });

  it("refuses a create without a name", async () => {
    const error = await errorFrom("createClientFolder", { name: "  " });
    expect(error).toMatchObject({ name: "InputError", input: "Name" });
    expect(emu.log).toHaveLength(0);
  });

  it("refuses an update with nothing to change", async () => {
    const error = await errorFrom("updateClientFolder", { clientFolderId: "12" });
    expect(error.message).toContain("nothing to update");
    expect(emu.log).toHaveLength(0);
  });

  it("refuses an id that is not a number", async () => {
    const error = await errorFrom("deleteClientFolder", { clientFolderId: "12/../../users" });
    expect(error).toMatchObject({ name: "InputError", input: "Client Folder ID" });
    expect(emu.log).toHaveLength(0);
    expect(folders().has(12)).toBe(true);
  });
});
