/**
 * A lead's description, read and written as contact lines plus notes.
 *
 * Pro Pipe Lines reads a lead's contact fields from "Key: value" lines at the top of its
 * description; free text (the notes) follows, usually below a `---` line. The live API often
 * stores the description as HTML: lines split by `<br />` (or `<br>`, `<br/>`), notes in
 * `<p>…</p>`, entities such as `&nbsp;`, and several contacts split by a `-----` line.
 *
 * Vocabulary used below (both formats):
 * - **Line**: the text between two line breaks. Plain text breaks on CRLF, LF, CR, VT, FF, NEL,
 *   U+2028 and U+2029. HTML also breaks on `<br>` and on block tags (`<p>`, `</p>`, `<div>`,
 *   `<li>`, …); its other tags are stripped and its entities decoded when a line is read.
 * - **Separator line**: a line whose text starts with `---` (`---`, `-----`,
 *   `--- Enter a description below ---`), or an `<hr>`. It ends a contact block.
 * - **Contact line**: `Key: value` (or `Key : value`) whose key, trimmed, is 1–32 characters
 *   (the API's limit for field names), starts with a letter or digit, is not only digits, and
 *   uses only letters, digits, spaces and `' ’ - _ . / & ( ) # ° + % * ?` or currency signs.
 *   A colon between two digits (`10:30`) or followed by `//` (`https://…`) does not make a
 *   contact line. So "Met him at the fair, he said: call back" is a note, not a field.
 * - **First contact block**: the first run of contact lines before the first separator line.
 *   Empty lines inside the run do not end it; any other line does. Lines before the run that
 *   are not contact lines (notes written first) are skipped; lines after the first separator
 *   are never read, so notes below `---` that look like "Key: value" stay notes.
 */

export type DescriptionFormat = "plain" | "html";

/** A contact field's name longer than this is not read as a field (the API's own limit). */
export const MAX_FIELD_NAME_LENGTH = 32;

// ---------------------------------------------------------------------------------------------
// Characters and entities

/** Every character sequence that can end a line somewhere (CRLF first, as one break). */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

/**
 * A key or a value as one line of text: each run of line breaks (with the spaces around it)
 * becomes a single space, then the text is trimmed. A value can therefore never start a line
 * of its own. (Split and trim rather than one regex: `\s*…\s*` backtracks quadratically on
 * long runs of spaces.)
 */
export function sanitizeContactText(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(" ");
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: "\u00a0",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  middot: "·",
  bull: "•",
  ordm: "º",
  ordf: "ª",
  sect: "§",
  szlig: "ß",
  agrave: "à",
  aacute: "á",
  acirc: "â",
  atilde: "ã",
  auml: "ä",
  aring: "å",
  aelig: "æ",
  ccedil: "ç",
  egrave: "è",
  eacute: "é",
  ecirc: "ê",
  euml: "ë",
  igrave: "ì",
  iacute: "í",
  icirc: "î",
  iuml: "ï",
  ntilde: "ñ",
  ograve: "ò",
  oacute: "ó",
  ocirc: "ô",
  otilde: "õ",
  ouml: "ö",
  oslash: "ø",
  oelig: "œ",
  ugrave: "ù",
  uacute: "ú",
  ucirc: "û",
  uuml: "ü",
  yacute: "ý",
  yuml: "ÿ",
  Agrave: "À",
  Aacute: "Á",
  Acirc: "Â",
  Auml: "Ä",
  Ccedil: "Ç",
  Egrave: "È",
  Eacute: "É",
  Ecirc: "Ê",
  Euml: "Ë",
  Icirc: "Î",
  Iuml: "Ï",
  Ntilde: "Ñ",
  Ocirc: "Ô",
  Ouml: "Ö",
  OElig: "Œ",
  Ugrave: "Ù",
  Uacute: "Ú",
  Ucirc: "Û",
  Uuml: "Ü",
};

/** An entity this module decodes: a known name, or a decimal / hexadecimal code point. */
const ENTITY = /&(?:([A-Za-z][A-Za-z0-9]*)|#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6}));/g;

function decodeEntity(match: string, name?: string, dec?: string, hex?: string): string {
  if (name !== undefined) return NAMED_ENTITIES[name] ?? match;
  const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? "", 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(code);
}

/** Decodes entities in one pass, so `&amp;lt;` is the text `&lt;`, never `<`. */
export function decodeEntities(html: string): string {
  return html.replace(ENTITY, decodeEntity);
}

/** Text written into HTML: `& < > " '` escaped, so it can never open a tag or an entity. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Numeric entities and the named ones of the table above (others are left as text). */
function isKnownEntity(name?: string): boolean {
  return name === undefined || NAMED_ENTITIES[name] !== undefined;
}

/**
 * The value as it is written into (and read back from) a description of that format:
 * line breaks become spaces and the text is trimmed. In plain text, a `<` that could open a tag
 * (`<br>`, `</p>`, `<!--`) and a `&` that would spell a known entity (`&amp;`, `&#10;`) get a
 * space after them, so that a value can never turn a plain description into HTML (where a
 * `<br>` would start a new line). In HTML the value is escaped instead and reads back unchanged.
 */
export function sanitizeContactValue(value: string, format: DescriptionFormat): string {
  const text = sanitizeContactText(value);
  if (format === "html") return text;
  return text
    .replace(/<(?=[A-Za-z/!?])/g, "< ")
    .replace(ENTITY, (match, name?: string) =>
      isKnownEntity(name) ? `& ${match.slice(1)}` : match,
    );
}

// ---------------------------------------------------------------------------------------------
// Keys

const KEY_CHARS = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}\p{Zs}\t'’\-_./&()#°+%*?\p{Sc}]*$/u;

/** The comparison form of a key: trimmed, inner spaces collapsed, NFC, lower case. */
export function normalizeFieldName(key: string): string {
  return key.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

function keyShapeProblem(key: string): string | undefined {
  if (key === "") return "is empty";
  if (key.includes(":")) return 'contains ":" (the API reads "Name: value" lines)';
  if ([...key].length > MAX_FIELD_NAME_LENGTH)
    return `is longer than ${MAX_FIELD_NAME_LENGTH} characters (the API's limit for field names)`;
  if (/^\d+$/.test(key)) return "is only digits";
  if (!KEY_CHARS.test(key))
    return "must start with a letter or a digit and use only letters, digits, spaces and ' - _ . / & ( ) # ° + % * ?";
  return undefined;
}

function quoted(text: string): string {
  const chars = [...text];
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : text);
}

/**
 * Why `key` cannot be written as a contact field name, or `undefined` when it can. The key is
 * first read as one line (line breaks → spaces, trimmed). The message completes a sentence
 * that starts with the input's label: `Contact Fields: the field name "A:B" contains ":" …`.
 */
export function contactKeyProblem(key: string): string | undefined {
  const clean = sanitizeContactText(key);
  const problem = keyShapeProblem(clean);
  return problem && `the field name ${quoted(clean || key)} ${problem}.`;
}

/**
 * The first problem of a set of contact fields (and of the names to remove), or `undefined`.
 * Run it before `mergeContactFields` / `composeDescription` and turn the message into an input
 * error naming the input's label: those two throw on the same problems as a last defence.
 */
export function contactFieldsProblem(
  set: ReadonlyArray<readonly [string, string]> = [],
  remove: readonly string[] = [],
): string | undefined {
  for (const [key] of set) {
    const problem = contactKeyProblem(key);
    if (problem) return problem;
  }
  for (const key of remove) {
    const problem = contactKeyProblem(key);
    if (problem) return problem;
  }
  return undefined;
}

function assertKeys(set: ReadonlyArray<readonly [string, string]>, remove: readonly string[]) {
  const problem = contactFieldsProblem(set, remove);
  if (problem) throw new Error(`Contact Fields: ${problem}`);
}

// ---------------------------------------------------------------------------------------------
// Reading a description

/** Tags that end a line in HTML (besides `<br>`): block elements. */
const BLOCK_TAGS = new Set([
  "p",
  "div",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "tr",
  "table",
  "tbody",
  "thead",
  "blockquote",
  "pre",
  "section",
  "article",
  "header",
  "footer",
  "dl",
  "dt",
  "dd",
]);
/** Inline tags that, with the block ones, make a description HTML. */
const INLINE_TAGS = new Set([
  "br",
  "hr",
  "span",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "a",
  "font",
  "td",
  "th",
  "small",
  "sub",
  "sup",
  "img",
  "code",
]);

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>/y;
const COMMENT = /<!--[\s\S]*?(?:-->|$)|<![^<>]*>/y;
const ENTITY_AT = new RegExp(ENTITY.source, "y");

/** Length of the tag or comment starting at `i`, or 0. */
function markupAt(html: string, i: number): number {
  if (html[i] !== "<") return 0;
  TAG.lastIndex = i;
  COMMENT.lastIndex = i;
  return (TAG.exec(html) ?? COMMENT.exec(html))?.[0].length ?? 0;
}

/**
 * A piece of HTML as a person reads it: tags and comments skipped, entities decoded.
 * `ends[k]` is the index in `html` just after the source of `text[k]`.
 */
function readHtml(html: string): { text: string; ends: number[] } {
  let text = "";
  const ends: number[] = [];
  let i = 0;
  while (i < html.length) {
    const markup = markupAt(html, i);
    if (markup > 0) {
      i += markup;
      continue;
    }
    ENTITY_AT.lastIndex = i;
    const entity = html[i] === "&" ? ENTITY_AT.exec(html) : null;
    const decoded = entity ? decodeEntity(entity[0], entity[1], entity[2], entity[3]) : html[i];
    i += entity ? entity[0].length : 1;
    text += decoded;
    for (let k = 0; k < decoded.length; k++) ends.push(i);
  }
  return { text, ends };
}

/**
 * "html" when the description holds an HTML tag this module knows (`<br>`, `<p>`, `<div>`,
 * `<b>`, …), an HTML comment or a known entity (`&nbsp;`, `&amp;`, `&#39;`); else "plain".
 * An empty description is plain.
 */
export function descriptionFormat(description: string): DescriptionFormat {
  for (const m of description.matchAll(/<\/?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>|<!--/g)) {
    if (m[1] === undefined) return "html";
    const name = m[1].toLowerCase();
    if (BLOCK_TAGS.has(name) || INLINE_TAGS.has(name)) return "html";
  }
  for (const m of description.matchAll(ENTITY)) if (isKnownEntity(m[1])) return "html";
  return "plain";
}

type BreakType = "newline" | "br" | "block" | "rule";
interface Line {
  kind: "line";
  start: number;
  end: number;
  /** The line as a person reads it: tags stripped, entities decoded (HTML), not trimmed. */
  text: string;
}
interface Break {
  kind: "break";
  start: number;
  end: number;
  type: BreakType;
}
type Item = Line | Break;

function lineText(raw: string, format: DescriptionFormat): string {
  return format === "html" ? readHtml(raw).text : raw;
}

/** The description as alternating lines and breaks, starting and ending with a (maybe empty) line. */
function tokenize(description: string, format: DescriptionFormat): Item[] {
  const items: Item[] = [];
  let lineStart = 0;
  let i = 0;
  const cut = (end: number, type: BreakType) => {
    const raw = description.slice(lineStart, i);
    items.push({ kind: "line", start: lineStart, end: i, text: lineText(raw, format) });
    items.push({ kind: "break", start: i, end, type });
    i = end;
    lineStart = end;
  };
  const lineBreak = new RegExp(LINE_BREAK.source, "y");
  while (i < description.length) {
    lineBreak.lastIndex = i;
    const nl = lineBreak.exec(description);
    if (nl) {
      cut(i + nl[0].length, "newline");
      continue;
    }
    if (format === "html" && description[i] === "<") {
      TAG.lastIndex = i;
      const tag = TAG.exec(description);
      const name = tag?.[2].toLowerCase() ?? "";
      const type: BreakType | undefined =
        name === "br" ? "br" : name === "hr" ? "rule" : BLOCK_TAGS.has(name) ? "block" : undefined;
      if (tag && type) {
        cut(i + tag[0].length, type);
        continue;
      }
      const markup = markupAt(description, i);
      if (markup > 0) {
        i += markup;
        continue;
      }
    }
    i++;
  }
  const raw = description.slice(lineStart);
  items.push({
    kind: "line",
    start: lineStart,
    end: description.length,
    text: lineText(raw, format),
  });
  return items;
}

interface ContactLine {
  key: string;
  value: string;
}

/**
 * Where the key/value colon of a line's text is (its first colon), or -1 when the line is not a
 * contact line because that colon sits in a time (`10:30`) or a URL (`https://`).
 */
function contactColon(text: string): number {
  const i = text.indexOf(":");
  if (i < 0) return -1;
  if (/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) return -1;
  return text.startsWith("//", i + 1) ? -1 : i;
}

function readContactLine(text: string): ContactLine | undefined {
  const colon = contactColon(text);
  if (colon < 0) return undefined;
  const key = text.slice(0, colon).trim();
  if (keyShapeProblem(key)) return undefined;
  return { key, value: text.slice(colon + 1).trim() };
}

const isBlank = (line: Line) => line.text.trim() === "";
const isSeparator = (line: Line) => /^-{3,}/.test(line.text.trim());

interface Analysis {
  format: DescriptionFormat;
  items: Item[];
  /** Item indexes of the first and last contact line of the first block (-1: no block). */
  first: number;
  last: number;
  /** Item index of the first non-blank line, when it is a separator line (else -1). */
  leadingSeparator: number;
}

function analyse(description: string): Analysis {
  const format = descriptionFormat(description);
  const items = tokenize(description, format);
  let first = -1;
  let last = -1;
  let leadingSeparator = -1;
  let seenText = false;
  for (let idx = 0; idx < items.length; idx++) {
    const item = items[idx];
    if (item.kind === "break") {
      if (item.type === "rule") {
        if (!seenText) leadingSeparator = idx;
        break;
      }
      continue;
    }
    if (isBlank(item)) continue;
    if (isSeparator(item)) {
      if (!seenText) leadingSeparator = idx;
      break;
    }
    seenText = true;
    if (readContactLine(item.text)) {
      if (first < 0) first = idx;
      last = idx;
    } else if (first >= 0) {
      break;
    }
  }
  return { format, items, first, last, leadingSeparator };
}

function blockLines(a: Analysis): Array<{ index: number; line: Line; field: ContactLine }> {
  const out: Array<{ index: number; line: Line; field: ContactLine }> = [];
  if (a.first < 0) return out;
  for (let idx = a.first; idx <= a.last; idx++) {
    const item = a.items[idx];
    if (item.kind !== "line") continue;
    const field = readContactLine(item.text);
    if (field) out.push({ index: idx, line: item, field });
  }
  return out;
}

/**
 * The contact fields of the description's first contact block (see the module's header), from
 * plain text or HTML: keys as written (trimmed), values with entities decoded and trimmed. When
 * a key appears twice (ignoring case and spaces), the first line wins. Lines with an empty value
 * are returned with `""`. A description without a block gives `{}`.
 */
export function parseContactFields(description: string | null | undefined): Record<string, string> {
  const fields = new Map<string, ContactLine>();
  for (const { field } of blockLines(analyse(description ?? ""))) {
    const id = normalizeFieldName(field.key);
    if (!fields.has(id)) fields.set(id, field);
  }
  return Object.fromEntries([...fields.values()].map((f) => [f.key, f.value]));
}

// ---------------------------------------------------------------------------------------------
// Writing a description

/** Length of a contact line's key part in its raw source, up to and including the colon. */
function rawKeyEnd(raw: string, format: DescriptionFormat): number {
  if (format === "plain") return contactColon(raw) + 1;
  const { text, ends } = readHtml(raw);
  return ends[contactColon(text)];
}

/** The replacement of a contact line: its key part as written, then the new value. */
function rewrittenLine(raw: string, format: DescriptionFormat, value: string): string {
  let keyPart = raw.slice(0, rawKeyEnd(raw, format));
  if (format === "html" && /[<>]/.test(keyPart)) {
    // Formatting tags around the key are dropped rather than left unbalanced.
    const keyText = readHtml(keyPart).text;
    keyPart = `${escapeHtml(keyText.slice(0, -1).trim())}${/\s:$/.test(keyText) ? " :" : ":"}`;
  }
  return `${keyPart} ${format === "html" ? escapeHtml(value) : value}`;
}

function newLine(key: string, value: string, format: DescriptionFormat): string {
  return format === "html" ? `${escapeHtml(key)}: ${escapeHtml(value)}` : `${key}: ${value}`;
}

function plainNewline(description: string): string {
  return description.includes("\r\n") ? "\r\n" : "\n";
}

function firstBr(description: string): string {
  return /<br\b[^<>]*>/i.exec(description)?.[0] ?? "<br />";
}

const removable = (item: Item | undefined): item is Break =>
  item?.kind === "break" && (item.type === "newline" || item.type === "br");

/**
 * Adds or replaces contact fields in the description's first contact block and removes the
 * `remove` names, keeping every other line, block and note byte for byte, in the
 * description's own format.
 *
 * - Keys match ignoring case and spaces around them (and inner runs of spaces); a replaced line
 *   keeps its key as written (`Key : value` stays so), only its value changes. When a key
 *   appears twice in the block, its first line is replaced and the later ones kept.
 * - New keys go at the end of the first block, one line each, with the break the block uses
 *   (`<br />` in HTML, the description's newline in plain text).
 * - `remove` deletes every line of those keys in the block, with the line break after it (or
 *   before it, for the last line). A key both set and removed is set.
 * - A key set twice takes its last value.
 * - An empty (or blank) description becomes a fresh plain block. A description without a block
 *   (only notes, or a separator first) gets a new block on top, followed by a `---` line unless
 *   it already starts with a separator.
 * - Values are written with `sanitizeContactValue` (line breaks → spaces; in HTML escaped), so a
 *   value can never add a line, a tag or a field. Parsing the result gives the set values.
 *
 * Throws an `Error` when a key is not usable (`contactFieldsProblem`); check first.
 */
export function mergeContactFields(
  description: string | null | undefined,
  set: ReadonlyArray<readonly [string, string]>,
  remove: readonly string[] = [],
): string {
  assertKeys(set, remove);
  const source = description ?? "";
  const a = analyse(source);
  const format = source.trim() === "" ? "plain" : a.format;

  const updates = new Map<string, { key: string; value: string }>();
  for (const [key, value] of set) {
    const clean = sanitizeContactText(key);
    updates.set(normalizeFieldName(clean), {
      key: clean,
      value: sanitizeContactValue(value, format),
    });
  }
  const removals = new Set(
    remove
      .map((key) => normalizeFieldName(sanitizeContactText(key)))
      .filter((k) => !updates.has(k)),
  );

  if (source.trim() === "") {
    return [...updates.values()].map((u) => newLine(u.key, u.value, "plain")).join("\n");
  }

  if (a.first < 0) {
    if (updates.size === 0) return source;
    const lines = [...updates.values()].map((u) => newLine(u.key, u.value, format));
    const startsWithSeparator = a.leadingSeparator >= 0;
    if (format === "html") {
      const br = "<br />";
      return `${lines.join(br)}${br}${startsWithSeparator ? "" : `---${br}`}${source}`;
    }
    const nl = plainNewline(source);
    return `${lines.join(nl)}${nl}${startsWithSeparator ? "" : `---${nl}`}${source}`;
  }

  const replaced = new Map<number, string>();
  const deleted = new Set<number>();
  const written = new Set<string>();
  for (const { index, line, field } of blockLines(a)) {
    const id = normalizeFieldName(field.key);
    const update = updates.get(id);
    if (update && !written.has(id)) {
      written.add(id);
      replaced.set(index, rewrittenLine(source.slice(line.start, line.end), format, update.value));
    } else if (removals.has(id)) {
      deleted.add(index);
    }
  }

  const additions = [...updates.entries()]
    .filter(([id]) => !written.has(id))
    .map(([, u]) => newLine(u.key, u.value, format));
  if (additions.length > 0) {
    const after = a.items[a.last + 1];
    const sep =
      format === "html"
        ? after?.kind === "break" && after.type === "br"
          ? source.slice(after.start, after.end)
          : firstBr(source)
        : after?.kind === "break" && /^(\r\n|\n)$/.test(source.slice(after.start, after.end))
          ? source.slice(after.start, after.end)
          : plainNewline(source);
    const lastLine = a.items[a.last] as Line;
    if (deleted.has(a.last)) {
      // The last line goes: the new lines take its place, between the breaks it had.
      deleted.delete(a.last);
      replaced.set(a.last, additions.join(sep));
    } else {
      const current = replaced.get(a.last) ?? source.slice(lastLine.start, lastLine.end);
      replaced.set(a.last, [current, ...additions].join(sep));
    }
  }

  for (const index of [...deleted].sort((x, y) => x - y)) {
    const next = a.items[index + 1];
    const previous = a.items[index - 1];
    if (removable(next) && !deleted.has(index + 1)) deleted.add(index + 1);
    else if (removable(previous) && !deleted.has(index - 1)) deleted.add(index - 1);
  }

  let out = "";
  a.items.forEach((item, index) => {
    if (deleted.has(index)) return;
    out += replaced.get(index) ?? source.slice(item.start, item.end);
  });
  return out;
}

/**
 * A new plain-text description: one `Key: value` line per field (values read as one line and
 * sanitised as in `sanitizeContactValue`), then the notes below a `---` line. Without fields it
 * is the notes as given (or ""); without notes (or blank notes) it is the lines alone.
 * Throws an `Error` when a key is not usable (`contactFieldsProblem`); check first.
 */
export function composeDescription(
  fields: ReadonlyArray<readonly [string, string]> | undefined,
  notes: string | undefined,
): string {
  assertKeys(fields ?? [], []);
  const lines = (fields ?? []).map(
    ([key, value]) =>
      // Keys are kept as given (as before) unless a line break forces them onto one line.
      `${LINE_BREAK.test(key) ? sanitizeContactText(key) : key}: ${sanitizeContactValue(value, "plain")}`,
  );
  if (lines.length === 0) return notes ?? "";
  return notes?.trim() ? `${lines.join("\n")}\n---\n${notes}` : lines.join("\n");
}
