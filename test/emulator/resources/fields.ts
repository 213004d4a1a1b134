/**
 * Lead and client folder fields, seeded from the API document's example. Creating one is
 * API-key only; custom1–5 types are refused on the starter edition.
 */
import { badRequest, badValue, bodyOf, featureRefused, missingParam } from "../http";
import type { Emulator } from "../server";
import { requireApiKey } from "./access";

export interface Field {
  id: number;
  name: string;
  type: string;
  parent_type: "lead" | "client";
  position: number;
  is_key: boolean;
  created_at: string;
  updated_at: string;
}

export const FIELDS_TABLE = "fields";

/** The predefined field types a lead's `fields` shows, as in the document's examples. */
export const LEAD_FIELD_TYPES = [
  "email",
  "phone",
  "mobile",
  "address",
  "web",
  "first_name",
  "last_name",
  "full_name",
  "job",
  "fax",
  "vat",
] as const;

/** The predefined field types, which a lead's `extended_info.fields` and a client folder carry. */
export const PREDEFINED_FIELD_TYPES = [
  ...LEAD_FIELD_TYPES,
  "city",
  "zipcode",
  "state",
  "country",
] as const;

const TYPES = new Set<string>([
  "unset",
  ...PREDEFINED_FIELD_TYPES,
  "company_id",
  "custom1",
  "custom2",
  "custom3",
  "custom4",
  "custom5",
]);

const isParentType = (value: unknown): value is Field["parent_type"] =>
  value === "lead" || value === "client";

export function register(emu: Emulator): void {
  const { router, store } = emu;
  const fields = store.table<Field>(FIELDS_TABLE);
  const seed = (
    id: number,
    name: string,
    type: string,
    parent_type: Field["parent_type"],
    position: number,
    created_at: string,
    updated_at: string,
  ) =>
    fields.set(id, {
      id,
      name,
      type,
      parent_type,
      position,
      is_key: false,
      created_at,
      updated_at,
    });
  seed(
    1,
    "Firstname",
    "first_name",
    "lead",
    1,
    "2013-09-13T20:34:05.000Z",
    "2015-01-13T23:51:58.000Z",
  );
  seed(
    2,
    "Lastname",
    "last_name",
    "lead",
    2,
    "2013-09-13T20:53:00.000Z",
    "2015-01-13T23:52:04.000Z",
  );
  seed(3, "Email", "email", "lead", 3, "2013-09-13T20:53:28.000Z", "2013-09-13T20:53:28.000Z");
  seed(
    1189,
    "Shipping Address",
    "address",
    "client",
    1,
    "2015-04-03T21:32:37.000Z",
    "2017-02-20T18:39:28.000Z",
  );

  // The list omits is_key, as in the document's example.
  const listJson = ({ is_key: _isKey, ...field }: Field) => field;

  router.on("GET", "/fields", (ctx) => {
    const type = ctx.query.type;
    if (type !== undefined && !isParentType(type)) throw badValue("type");
    const list = [...fields.values()].filter((f) => !type || f.parent_type === type);
    return { body: list.map(listJson) };
  });

  router.on("POST", "/fields", (ctx) => {
    requireApiKey(ctx);
    const body = bodyOf(ctx);
    const name = typeof body.name === "string" ? body.name.trim() : "";
    if (!name) throw missingParam("name");
    if (name.length > 32)
      throw badRequest("Parameter name is too long (max 32 characters).", "bad_parameter_value");
    if (!isParentType(body.parent_type)) throw badValue("parent_type");
    const type = body.type ?? "unset";
    if (typeof type !== "string" || !TYPES.has(type)) throw badValue("type");
    if (type.startsWith("custom") && emu.edition === "starter") throw featureRefused();
    const parentType = body.parent_type;
    const siblings = [...fields.values()].filter((f) => f.parent_type === parentType);
    const time = store.now();
    const field: Field = {
      id: store.nextId(),
      name,
      type,
      parent_type: parentType,
      position: Math.max(0, ...siblings.map((f) => f.position)) + 1,
      is_key: body.is_key === true,
      created_at: time,
      updated_at: time,
    };
    fields.set(field.id, field);
    emu.events.emit("live", "account.default_field.created", { ...field });
    return { body: field };
  });
}
