/**
 * Prospecting lists ("spreadsheets") and their prospects ("rows"): listing, creation with the
 * documented limits (5000 rows and 26 columns on create, 100 rows per add), assignment,
 * comments, row updates and deletion, lead creation from a row (the lead is linked to the row
 * and records its `lead_created` history), and the rows called at a phone number
 * (`GET /rows/called_from`). A changed row fires the live `prospect.updated` event.
 */
import {
  badRequest,
  badValue,
  bodyOf,
  missingParam,
  or404,
  ordered,
  page,
  type RequestContext,
} from "../http";
import type { Emulator } from "../server";
import type { Store, User } from "../store";
import { callerUser } from "./access";
import { recordHistory } from "./leads/histories";
import { leadDetail } from "./leads/present";
import { announceLead } from "./leads/shared";

export interface ProspectingList {
  id: number;
  title: string;
  description: string;
  column_names: string[];
  /** 0: shared with everyone ("off"); 1: computed from the account's settings. */
  privacy: number;
  tags: string[];
  user_id: number;
  is_archived: boolean;
  created_at: string;
  updated_at: string;
}

export interface Prospect {
  id: number;
  spreadsheet_id: number;
  lead_id: number | null;
  is_active: boolean;
  content: string[];
  /** Phone numbers dialed to reach this prospect from the application. */
  called_numbers: string[];
}

export interface ProspectingComment {
  id: number;
  content: string;
  commented_item: { item: "Spreadsheet" | "SpreadsheetRow"; id: number };
  created_at: string;
  activity_id: number | null;
  user_id: number;
}

/** Table names in `emu.store.table(...)`. */
export const LISTS = "prospectingLists";
export const PROSPECTS = "prospectingListRows";
export const COMMENTS = "prospectingListComments";

const MAX_CREATE_ROWS = 5000;
const MAX_ADD_ROWS = 100;
const MAX_COLUMNS = 26;

const lists = (store: Store) => store.table<ProspectingList>(LISTS);
const prospects = (store: Store) => store.table<Prospect>(PROSPECTS);
const comments = (store: Store) => store.table<ProspectingComment>(COMMENTS);

/** A row as every answer shows it. */
function rowCore({ id, lead_id, is_active, content }: Prospect) {
  return { id, lead_id, is_active, content };
}

function rowJson(store: Store, row: Prospect) {
  const count = [...comments(store).values()].filter(
    (c) => c.commented_item.item === "SpreadsheetRow" && c.commented_item.id === row.id,
  ).length;
  return { ...rowCore(row), comment_count: count };
}

function listJson(store: Store, list: ProspectingList) {
  return {
    id: list.id,
    title: list.title,
    description: list.description,
    column_count: list.column_names.length,
    column_names: list.column_names,
    privacy: list.privacy,
    updated_at: list.updated_at,
    created_at: list.created_at,
    tags: list.tags,
    permalink: `https://emulator.propipelines.com/spreadsheets/${list.id}`,
    is_archived: list.is_archived,
    user: store.userContact(store.users.get(list.user_id)),
  };
}

function rowsOf(store: Store, listId: number): Prospect[] {
  return [...prospects(store).values()].filter((r) => r.spreadsheet_id === listId);
}

/** The owner to fall back to (none given, or unknown): the first admin, whom the seed has. */
function fallbackOwner(store: Store): User {
  const admin = store.firstAdmin();
  if (!admin) throw new Error("emulator seed has no admin");
  return admin;
}

/** An API-key caller sees everything; a user sees lists they own, shared ones, or all if admin. */
function canSee(store: Store, ctx: RequestContext, list: ProspectingList): boolean {
  if (ctx.caller.kind === "apiKey") return true;
  const user = callerUser(store, ctx);
  return !!user && (user.is_admin || list.user_id === user.id || list.privacy === 0);
}

function findList(store: Store, ctx: RequestContext, idParam: string | undefined): ProspectingList {
  return or404(lists(store).get(Number(idParam)), (list) => canSee(store, ctx, list));
}

function findRow(store: Store, list: ProspectingList, idParam: string | undefined): Prospect {
  return or404(prospects(store).get(Number(idParam)), (row) => row.spreadsheet_id === list.id);
}

/** `content` as JSON (an array) or as a JSON string, as the document's examples send it. */
function parseContent(value: unknown): unknown {
  if (value === undefined || value === null || value === "") throw missingParam("content");
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest("Parameter content is not formatted properly");
  }
}

function toCells(row: unknown): string[] {
  if (!Array.isArray(row) || row.some((c) => c !== null && typeof c === "object"))
    throw badRequest("Parameter content is not formatted properly");
  if (row.length > MAX_COLUMNS)
    throw badRequest(`The number of columns on each row is limited to ${MAX_COLUMNS}.`);
  return row.map((c) => (c === null || c === undefined ? "" : String(c)));
}

function parseRows(value: unknown): string[][] {
  const rows = parseContent(value);
  if (!Array.isArray(rows) || rows.length === 0)
    throw badRequest("Parameter content is not formatted properly");
  return rows.map(toCells);
}

/** With the API key, `user_id` names the user (unknown → 400); with a token, the caller. */
function actingUser(store: Store, ctx: RequestContext, userId: unknown, fallback: User): User {
  if (ctx.caller.kind === "user") return callerUser(store, ctx) ?? fallback;
  if (userId === undefined || userId === null || userId === "") return fallback;
  const user = store.findUser(String(userId));
  if (!user || user.is_disabled) throw badValue("user_id");
  return user;
}

function toTags(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string" && value.trim()) return value.split(",").map((t) => t.trim());
  return [];
}

function addRows(emu: Emulator, list: ProspectingList, rows: string[][]): Prospect[] {
  const created = rows.map((content) => {
    const row: Prospect = {
      id: emu.store.nextId(),
      spreadsheet_id: list.id,
      lead_id: null,
      is_active: true,
      content,
      called_numbers: [],
    };
    prospects(emu.store).set(row.id, row);
    return row;
  });
  list.updated_at = emu.store.now();
  return created;
}

/** "Header: value" lines, as leads created from prospects describe them. */
function leadDescription(list: ProspectingList, row: Prospect): string {
  return row.content
    .slice(1)
    .map((value, i) => `${list.column_names[i + 1] ?? `Column ${i + 2}`}: ${value}`)
    .join("\n");
}

/** A comment on a list or one of its rows; by default its author is the list's owner. */
function addComment(
  emu: Emulator,
  ctx: RequestContext,
  list: ProspectingList,
  item: ProspectingComment["commented_item"],
) {
  const owner = emu.store.users.get(list.user_id) ?? fallbackOwner(emu.store);
  const body = bodyOf(ctx);
  if (typeof body.content !== "string" || !body.content.trim()) throw missingParam("content");
  const user = actingUser(emu.store, ctx, body.user_id, owner);
  const comment: ProspectingComment = {
    id: emu.store.nextId(),
    content: body.content,
    commented_item: item,
    created_at: emu.store.now(),
    activity_id: body.activity_id === undefined ? null : Number(body.activity_id),
    user_id: user.id,
  };
  comments(emu.store).set(comment.id, comment);
  const { user_id: _, ...rest } = comment;
  return { status: 201, body: { ...rest, attachments: [], user: emu.store.userContact(user) } };
}

const digits = (phone: string) => phone.replace(/\D/g, "");

export function register(emu: Emulator): void {
  const { router, store } = emu;
  seed(store);

  router.on("GET", "/spreadsheets", (ctx) => {
    const visible = [...lists(store).values()].filter(
      (list) =>
        canSee(store, ctx, list) &&
        (ctx.query.title === undefined || list.title === ctx.query.title),
    );
    const sorted = ordered(visible, ctx.query.direction, (l) => l.id, "desc");
    return page(sorted, ctx.query, {
      ...emu.pagingRules("/spreadsheets"),
      map: (l) => listJson(store, l),
    });
  });

  router.on("POST", "/spreadsheets", (ctx) => {
    const body = bodyOf(ctx);
    if (typeof body.title !== "string" || !body.title.trim()) throw missingParam("title");
    const [header, ...rows] = parseRows(body.content);
    if (rows.length > MAX_CREATE_ROWS)
      throw badRequest(`The number of rows is limited to ${MAX_CREATE_ROWS}.`);
    const privacyOff = body.privacy === "off";
    if (privacyOff && ctx.caller.kind === "apiKey" && !body.user_id) throw missingParam("user_id");
    // An unknown owner falls back to the first admin, as the document says.
    const owner =
      ctx.caller.kind === "user"
        ? callerUser(store, ctx)
        : store.findUser(body.user_id as string | number | undefined);
    const time = store.now();
    const list: ProspectingList = {
      id: store.nextId(),
      title: body.title,
      description: typeof body.description === "string" ? body.description : "",
      column_names: header ?? [],
      privacy: privacyOff ? 0 : 1,
      tags: toTags(body.tags),
      user_id: (owner && !owner.is_disabled ? owner : fallbackOwner(store)).id,
      is_archived: false,
      created_at: time,
      updated_at: time,
    };
    lists(store).set(list.id, list);
    const created = addRows(emu, list, rows);
    return {
      status: 201,
      body: {
        ...listJson(store, list),
        spreadsheet_rows: created.map(rowCore),
      },
    };
  });

  router.on("GET", "/spreadsheets/:id", (ctx) => {
    const list = findList(store, ctx, ctx.params.id);
    return {
      body: {
        ...listJson(store, list),
        spreadsheet_rows: rowsOf(store, list.id).map((r) => rowJson(store, r)),
      },
    };
  });

  router.on("POST", "/spreadsheets/:id/assign", (ctx) => {
    const list = findList(store, ctx, ctx.params.id);
    const userId = bodyOf(ctx).user_id;
    if (userId === undefined || userId === "") throw missingParam("user_id");
    const user = store.findUser(userId as string | number);
    if (!user || user.is_disabled) throw badValue("user_id");
    list.user_id = user.id;
    list.updated_at = store.now();
    return { body: listJson(store, list) };
  });

  router.on("POST", "/spreadsheets/:spreadsheet_id/comments", (ctx) => {
    const list = findList(store, ctx, ctx.params.spreadsheet_id);
    return addComment(emu, ctx, list, { item: "Spreadsheet", id: list.id });
  });

  router.on("POST", "/spreadsheets/:spreadsheet_id/rows/:id/comments", (ctx) => {
    const list = findList(store, ctx, ctx.params.spreadsheet_id);
    const row = findRow(store, list, ctx.params.id);
    return addComment(emu, ctx, list, { item: "SpreadsheetRow", id: row.id });
  });

  router.on("POST", "/spreadsheets/:spreadsheet_id/rows", (ctx) => {
    const list = findList(store, ctx, ctx.params.spreadsheet_id);
    const rows = parseRows(bodyOf(ctx).content);
    if (rows.length > MAX_ADD_ROWS)
      throw badRequest(`The number of rows is limited to ${MAX_ADD_ROWS}.`);
    const created = addRows(emu, list, rows).map(rowCore);
    for (const row of created) emu.events.emit("event", "prospect.created", row);
    return { status: 201, body: created };
  });

  router.on("PUT", "/spreadsheets/:spreadsheet_id/rows/:id", (ctx) => {
    const list = findList(store, ctx, ctx.params.spreadsheet_id);
    const row = findRow(store, list, ctx.params.id);
    // The document's curl sends the bare array; its Ruby example sends { content }.
    const raw = Array.isArray(ctx.body) ? ctx.body : bodyOf(ctx).content;
    row.content = toCells(parseContent(raw));
    list.updated_at = store.now();
    emu.events.emit("live", "prospect.updated", rowCore(row));
    return { body: rowCore(row) };
  });

  router.on("POST", "/spreadsheets/:spreadsheet_id/rows/:id/create_lead", (ctx) => {
    const list = findList(store, ctx, ctx.params.spreadsheet_id);
    const row = findRow(store, list, ctx.params.id);
    const ownerId = callerUser(store, ctx)?.id ?? list.user_id;
    const lead = store.addLead({
      title: row.content[0] || list.title,
      description: leadDescription(list, row),
      user_id: ownerId,
      created_by_id: ownerId,
      created_from: "spreadsheet",
    });
    row.lead_id = lead.id;
    recordHistory(store, ownerId, lead.id, "lead_created", { id: lead.id });
    announceLead(emu, lead, ["lead.creation"]);
    emu.events.emit("live", "prospect.updated", rowCore(row));
    return { status: 201, body: leadDetail(emu, lead) };
  });

  router.on("DELETE", "/spreadsheets/:spreadsheet_id/rows/:id", (ctx) => {
    const list = findList(store, ctx, ctx.params.spreadsheet_id);
    const row = findRow(store, list, ctx.params.id);
    prospects(store).delete(row.id);
    list.updated_at = store.now();
    return { body: { id: row.id } };
  });

  router.on("GET", "/rows/called_from", (ctx) => {
    const phone = digits(ctx.query.phone_number ?? "");
    if (!phone) throw missingParam("phone_number");
    const found = [...prospects(store).values()].filter((row) => {
      const list = lists(store).get(row.spreadsheet_id);
      return (
        list && canSee(store, ctx, list) && row.called_numbers.some((p) => digits(p) === phone)
      );
    });
    return {
      body: found.map((row) => ({ ...rowCore(row), spreadsheet_id: row.spreadsheet_id })),
    };
  });
}

/** The document's examples: list 112 (Stéphanie's), 17197 (John's), 17198 (shared, archived). */
function seed(store: Store): void {
  const list = (l: Partial<ProspectingList> & Pick<ProspectingList, "id" | "title">) => {
    const full: ProspectingList = {
      description: "",
      column_names: ["Company name", "Firstname", "Lastname", "Email", "Phone"],
      privacy: 1,
      tags: [],
      user_id: 514,
      is_archived: false,
      created_at: "2014-11-07T17:31:04.000Z",
      updated_at: "2014-11-07T17:31:04.000Z",
      ...l,
    };
    lists(store).set(full.id, full);
  };
  const row = (
    id: number,
    spreadsheet_id: number,
    content: string[],
    extra: Partial<Prospect> = {},
  ) =>
    prospects(store).set(id, {
      id,
      spreadsheet_id,
      lead_id: null,
      is_active: true,
      content,
      called_numbers: [],
      ...extra,
    });
  list({
    id: 112,
    title: "Prospect",
    description: "This prospect comes from Peter",
    tags: ["peter", "prospect"],
  });
  list({ id: 17197, title: "Square prospects", user_id: 515, tags: ["square", "green"] });
  list({ id: 17198, title: "Circle prospects", privacy: 0, is_archived: true, tags: ["circle"] });
  row(108, 112, ["Acme Corp", "John", "Doe", "john.doe@acme.com", "654 234 7623"], {
    lead_id: 8112,
  });
  row(109, 112, ["EuropaCorp", "Luc", "Besson", "luc.besson@europacorp.com", "555 333 5678"]);
  row(115, 17197, ["Green Corp", "Julia", "Green", "julia.green@example.com", "222 333 444"], {
    called_numbers: ["2223334444"],
  });
  row(116, 17197, ["Red Corp", "John", "Red", "red.john@example.com", "222 333 5555"]);
  row(256, 17198, ["Green Corp", "Julia", "Green", "julia.green@example.com", "222 333 4444"], {
    called_numbers: ["222 333 4444"],
  });
}
