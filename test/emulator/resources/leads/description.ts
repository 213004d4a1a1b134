/**
 * Lead descriptions in both forms the API shows them. A description is stored as written (plain
 * text or HTML) and answered in the form the settings ask for:
 *
 * - plain: lines `Key: value`, a `---` line before free notes (the document's examples);
 * - HTML (live): lines joined by `<br />`, free text in `<p>…</p>`, entities such as `&nbsp;`.
 *
 * Both may hold several contact blocks split by a `-----` line, and keys written `Key: value` or
 * `Key : value`. Contact fields are read from either form, from the plain text.
 */

/** A description that contains markup (as the live web application saves them). */
export const isHtml = (text: string): boolean => /<(br|p|div)\b[^>]*>/i.test(text);

const ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  "#39": "'",
};

const decode = (text: string) =>
  text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known !== undefined) return known;
    if (/^#x/i.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Plain text of a description: line breaks for `<br />` and paragraphs, no tags, no entities. */
export function toPlain(text: string): string {
  if (!isHtml(text)) return text;
  // A line break written next to a tag (`<br />\r\n`) is the same break, not a second one.
  const flat = text
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>\n?/gi, "\n")
    .replace(/<\/(p|div)>\n?/gi, "\n")
    .replace(/\n?<(p|div)\b[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "");
  const lines = decode(flat)
    .split("\n")
    .map((line) => line.trimEnd());
  // Paragraph marks leave empty lines: keep none at the ends and at most one in a row.
  const kept: string[] = [];
  for (const line of lines) {
    if (line === "" && (kept.length === 0 || kept[kept.length - 1] === "")) continue;
    kept.push(line);
  }
  while (kept[kept.length - 1] === "") kept.pop();
  return kept.join("\n");
}

/** `Key: value` or `Key : value` (a short key without markup). */
const FIELD_LINE = /^\s*([^:<>\n]{1,60}?)\s*:\s?(.*)$/;
/** A contact-block separator (`-----`) or the document's notes separator (`---`). */
const SEPARATOR = /^\s*-{3,}\s*$/;

/**
 * A description as the live API shows it (the document's delivery examples): field lines joined
 * by `<br />`, then `<br />\r\n` before a `---` line or free text, free text in `<p>`.
 */
export function toHtml(text: string): string {
  if (isHtml(text)) return text;
  type Block = { kind: "fields" | "separator" | "paragraph"; lines: string[] };
  const blocks: Block[] = [];
  const last = () => blocks[blocks.length - 1];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const current = last();
    if (SEPARATOR.test(line)) {
      blocks.push({ kind: "separator", lines: [line.trim()] });
    } else if (line.trim() === "") {
      // A blank line ends a paragraph.
      if (current?.kind === "paragraph") blocks.push({ kind: "separator", lines: [] });
    } else if (current?.kind === "paragraph" || !FIELD_LINE.test(line)) {
      if (current?.kind === "paragraph") current.lines.push(escapeHtml(line.trimEnd()));
      else blocks.push({ kind: "paragraph", lines: [escapeHtml(line.trimEnd())] });
    } else if (current?.kind === "fields") {
      current.lines.push(escapeHtml(line.trimEnd()));
    } else {
      blocks.push({ kind: "fields", lines: [escapeHtml(line.trimEnd())] });
    }
  }
  let html = "";
  blocks.forEach((block, i) => {
    if (block.kind === "separator" && block.lines.length === 0) return;
    if (i > 0 && html) html += blocks[i - 1]?.kind === "fields" ? "<br />\r\n" : "\r\n";
    html +=
      block.kind === "paragraph"
        ? `<p>${block.lines.join("<br />")}</p>`
        : block.lines.join("<br />");
  });
  return html;
}

/** The contact blocks of a description: each a list of [key, value] in order. */
export function contactBlocks(text: string): Array<Array<[string, string]>> {
  const blocks: Array<Array<[string, string]>> = [[]];
  for (const line of toPlain(text).split("\n")) {
    if (/^\s*-{5,}\s*$/.test(line)) {
      blocks.push([]);
      continue;
    }
    // The notes separator ends the contact lines.
    if (SEPARATOR.test(line)) break;
    const m = FIELD_LINE.exec(line);
    if (m?.[1] && m[2] !== undefined) blocks[blocks.length - 1]?.push([m[1].trim(), m[2].trim()]);
  }
  return blocks.filter((block) => block.length > 0);
}

/** Every `Key: value` of a description (first occurrence of a key wins), keys as written. */
export function descriptionFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const block of contactBlocks(text)) {
    for (const [key, value] of block) {
      if (![...fields.keys()].some((k) => k.toLowerCase() === key.toLowerCase())) {
        fields.set(key, value);
      }
    }
  }
  return fields;
}

/** The value of a key, case-insensitively. */
export function fieldValue(fields: Map<string, string>, key: string): string | undefined {
  const wanted = key.trim().toLowerCase();
  for (const [k, v] of fields) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

/**
 * A live-style HTML description (French keys written `Key : value`, two contact blocks split by
 * `-----`, notes in `<p>`, `&nbsp;`): the seeded lead "Maison Durand" carries it, and tests can
 * write it.
 */
export const LIVE_HTML_DESCRIPTION = [
  "Nom : Claire Durand<br />",
  "Fonction : Directrice<br />",
  "Téléphone : 01 23 45 67 89<br />",
  "Email : claire.durand@maison-durand.fr<br />",
  "-----<br />",
  "Nom : Paul Martin<br />",
  "Email&nbsp;: paul.martin@maison-durand.fr<br />",
  "\r\n---\r\n<p>Rencontrée au salon.<br />Rappeler en mars.</p>",
].join("");
