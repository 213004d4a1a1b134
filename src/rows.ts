/**
 * Prospect rows: what flow builders hold (an array of objects from a spreadsheet or form step,
 * the API's array of arrays, or the JSON text of either) turned into the API's array of arrays
 * of text, with the documented limits checked before any request is sent.
 *
 * Objects become a header row plus value rows. Columns follow the order in which keys are first
 * seen across all the objects, so the same data always gives the same columns; a key missing
 * from an object is an empty cell.
 */
import { InputError } from "./errors";
import { isEmpty, parseJson } from "./validate";

/** The API's limits (API document, Prospecting lists). */
export const MAX_CREATE_ROWS = 5000;
export const MAX_COLUMNS = 26;
export const MAX_ROWS_PER_ADD = 100;

export type Row = string[];

/** Rows as given: `header` is set only when they came as objects (their keys). */
export interface Table {
  header?: Row;
  rows: Row[];
}

const ordinal = (index: number) => `row ${index + 1}`;

function cell(label: string, value: unknown, where: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new InputError(
    label,
    `${where} holds a ${Array.isArray(value) ? "list" : "nested object"}; each cell must be text or a number.`,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON text → value; anything else unchanged. */
function parsed(label: string, value: unknown): unknown {
  return typeof value === "string" ? parseJson(label, value.trim()) : value;
}

function fromObjects(label: string, items: Record<string, unknown>[]): Table {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const key of Object.keys(item)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const rows = items.map((item, i) =>
    keys.map((key) => cell(label, item[key], `${ordinal(i)}, "${key}"`)),
  );
  return { header: keys, rows: rows.map((row, i) => notEmpty(label, row, i)) };
}

function fromArrays(label: string, items: unknown[][]): Table {
  return {
    rows: items.map((row, i) =>
      notEmpty(
        label,
        row.map((value, j) => cell(label, value, `${ordinal(i)}, column ${j + 1}`)),
        i,
      ),
    ),
  };
}

/** A row with no value at all (`{}`, `[]`, only blanks) would add an empty prospect. */
function notEmpty(label: string, row: Row, index: number): Row {
  if (row.every((value) => value.trim() === "")) {
    throw new InputError(label, `${ordinal(index)} is empty: remove it, or give it values.`);
  }
  return row;
}

/**
 * Reads a list of rows: an array of arrays, an array of objects, one object, or JSON text of
 * these. Mixed shapes are refused (the column order would be a guess).
 */
function readTable(label: string, value: unknown): Table {
  const data = parsed(label, value);
  const items = isPlainObject(data) ? [data] : data;
  if (!Array.isArray(items) || items.length === 0) {
    throw new InputError(
      label,
      'expected a list of rows: [["Acme Corp", "John"], …] or [{"Company": "Acme Corp", "Firstname": "John"}, …].',
    );
  }
  if (items.every(Array.isArray)) return fromArrays(label, items as unknown[][]);
  if (items.every(isPlainObject)) return fromObjects(label, items);
  const bad = items.findIndex((item) => !Array.isArray(item) && !isPlainObject(item));
  throw new InputError(
    label,
    bad >= 0
      ? `${ordinal(bad)} is neither a list of values nor an object.`
      : "mixes lists of values and objects: use one shape for every row.",
  );
}

function checkColumns(label: string, rows: Row[], objectKeys?: Row): void {
  if (objectKeys && objectKeys.length > MAX_COLUMNS) {
    throw new InputError(
      label,
      `the rows have ${objectKeys.length} different keys; a prospecting list has at most ${MAX_COLUMNS} columns (the API's limit). Remove keys such as "${objectKeys[MAX_COLUMNS]}".`,
    );
  }
  const wide = rows.findIndex((row) => row.length > MAX_COLUMNS);
  if (wide >= 0) {
    throw new InputError(
      label,
      `${ordinal(wide)} has ${rows[wide]?.length} columns; a prospecting list has at most ${MAX_COLUMNS} columns (the API's limit).`,
    );
  }
}

/**
 * The `content` of Create Prospecting List: the header row first, then at most 5000 prospects
 * of at most 26 columns.
 */
export function toListContent(label: string, value: unknown): Row[] | undefined {
  if (isEmpty(value)) return undefined;
  const { header, rows } = readTable(label, value);
  const content = header ? [header, ...rows] : rows;
  checkColumns(label, content, header);
  const prospects = content.length - 1;
  if (prospects > MAX_CREATE_ROWS) {
    throw new InputError(
      label,
      `has ${prospects} prospects (after the header row); a prospecting list is created with at most ${MAX_CREATE_ROWS} (the API's limit). Create it with the first ${MAX_CREATE_ROWS}, then use Add Prospects for the rest.`,
    );
  }
  return content;
}

/** Prospects to add to an existing list: value rows only (the keys of objects are not sent). */
export function toProspectRows(label: string, value: unknown, maxRows: number): Row[] | undefined {
  if (isEmpty(value)) return undefined;
  const { header, rows } = readTable(label, value);
  checkColumns(label, rows, header);
  if (rows.length > maxRows) {
    throw new InputError(
      label,
      `has ${rows.length} prospects; one step adds at most ${maxRows} (${Math.ceil(maxRows / MAX_ROWS_PER_ADD)} requests of ${MAX_ROWS_PER_ADD}). Split the data over several steps.`,
    );
  }
  return rows;
}

/** One prospect's values: a list of values, an object (its values, in key order), or JSON text. */
export function toProspectValues(label: string, value: unknown): Row | undefined {
  if (isEmpty(value)) return undefined;
  const data = parsed(label, value);
  if (!Array.isArray(data) && !isPlainObject(data)) {
    throw new InputError(label, 'expected a list of values such as ["Acme Corp", "John", "Doe"].');
  }
  const { rows } = readTable(label, [data]);
  const row = rows[0] ?? [];
  checkColumns(label, [row]);
  return row;
}

/** Consecutive slices of at most `size` items, in order. */
export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}
