/**
 * Client folders (`/clients`): list, create, get, update, delete over the `clientFolders` table,
 * seeded with the API document's Acme and Corporate examples. Creating one fires the live
 * `client_folder.created` event.
 */
import {
  badRequest,
  badValue,
  bodyOf,
  type Caller,
  getOr404,
  missingParam,
  ordered,
} from "../http";
import type { Emulator } from "../server";
import type { Store } from "../store";
import { PREDEFINED_FIELD_TYPES } from "./fields";

export interface ClientFolder {
  id: number;
  name: string;
  description: string;
  is_active: boolean;
  created_at: string;
  user_id: number;
  address: string | null;
}

export const CLIENT_FOLDERS_TABLE = "clientFolders";

/** The list shape (no extended_info). */
function summary(folder: ClientFolder) {
  const { address: _address, ...rest } = folder;
  return rest;
}

/** The get/create/update shape, as in the document's examples. */
function detail(store: Store, folder: ClientFolder) {
  const fields: Record<string, string | null> = {};
  for (const key of PREDEFINED_FIELD_TYPES) fields[key] = null;
  fields.address = folder.address;
  return {
    ...summary(folder),
    extended_info: {
      permalink: `https://emulator.propipelines.com/clients/${folder.id}`,
      fields,
      fields_by_name: { Address: folder.address, "Billing address": null },
      user: store.userSummary(store.users.get(folder.user_id)),
    },
  };
}

/** "Address: …" in a description fills the address field, as in the document's example. */
function addressIn(description: string): string | null {
  return /^address:\s*(.+)$/im.exec(description)?.[1]?.trim() ?? null;
}

function ownerOf(store: Store, caller: Caller, userId: unknown): number {
  if (userId !== undefined && userId !== null && userId !== "") {
    if (caller.kind === "user")
      throw badRequest("Parameter user_id should not be used with USER token.");
    const user = store.findUser(userId as string | number);
    if (!user) throw badValue("user_id");
    return user.id;
  }
  if (caller.userId) return caller.userId;
  return store.firstAdmin()?.id ?? 0;
}

function text(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badValue(key);
  return value;
}

export function register(emu: Emulator): void {
  const { router, store } = emu;
  const folders = store.table<ClientFolder>(CLIENT_FOLDERS_TABLE);
  const seed = (id: number, name: string, is_active: boolean, address: string | null) =>
    folders.set(id, {
      id,
      name,
      description: "",
      is_active,
      created_at: "2015-04-22T22:03:20.000Z",
      user_id: 514,
      address,
    });
  seed(12, "Acme", true, "2344 Paradise Av, Eden CA 90001");
  seed(2, "Corporate", false, null);

  router.on("GET", "/clients", (ctx) => {
    const order = ctx.query.order ?? "name";
    if (order !== "name" && order !== "id") throw badValue("order");
    const list = ordered([...folders.values()], ctx.query.direction, (f) =>
      order === "id" ? f.id : f.name.toLowerCase(),
    );
    return { body: list.map(summary) };
  });

  router.on("POST", "/clients", (ctx) => {
    const body = bodyOf(ctx);
    const name = text(body, "name")?.trim();
    if (!name) throw missingParam("name");
    const description = text(body, "description") ?? "";
    const folder: ClientFolder = {
      id: store.nextId(),
      name,
      description,
      is_active: true,
      created_at: store.now(),
      user_id: ownerOf(store, ctx.caller, body.user_id),
      address: addressIn(description),
    };
    folders.set(folder.id, folder);
    const json = detail(store, folder);
    emu.events.emit("live", "client_folder.created", json);
    return { body: json };
  });

  router.on("GET", "/clients/:id", (ctx) => ({
    body: detail(store, getOr404(folders, ctx.params.id)),
  }));

  router.on("PUT", "/clients/:id", (ctx) => {
    const folder = getOr404(folders, ctx.params.id);
    const body = bodyOf(ctx);
    const name = text(body, "name");
    const description = text(body, "description");
    if (body.is_active !== undefined && typeof body.is_active !== "boolean")
      throw badValue("is_active");
    if (name !== undefined) folder.name = name;
    if (description !== undefined) {
      folder.description = description;
      folder.address = addressIn(description) ?? folder.address;
    }
    if (typeof body.is_active === "boolean") folder.is_active = body.is_active;
    return { body: detail(store, folder) };
  });

  router.on("DELETE", "/clients/:id", (ctx) => {
    const folder = getOr404(folders, ctx.params.id);
    folders.delete(folder.id);
    return { body: { id: folder.id } };
  });
}
