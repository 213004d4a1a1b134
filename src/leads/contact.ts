/**
 * Contact fields on every lead output, read from what the lead already carries (0 requests).
 *
 * - `contactFields`: the account's field names → values. From `extended_info.fields_by_name`
 *   when it holds at least one value (GET one lead, webhook deliveries), else parsed from the
 *   description (`text_description` when it has text, else `description`; list items carry no
 *   `extended_info`). Null and empty values are dropped; values are trimmed strings.
 * - `contact`: the same person in fixed, typed keys (`firstName`, `email`, …). Every key is
 *   always present, `null` when unknown, so a flow builder sees one stable shape. Values come
 *   from the API's typed `fields` (`extended_info.fields`, or top-level `fields` on webhook
 *   deliveries) first; keys those leave empty are filled by recognising common field names in
 *   `contactFields` (Firstname / First name / Prénom, Email / E-mail, Phone / Tel, Mobile /
 *   Cell, …). `fullName` falls back to first and last name joined by a space.
 */
import { normalizeFieldName, parseContactFields } from "./description";

export interface Contact {
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  job: string | null;
  address: string | null;
  city: string | null;
  zipcode: string | null;
  state: string | null;
  country: string | null;
  web: string | null;
  fax: string | null;
  vat: string | null;
  companyId: string | null;
}

export type ContactKey = keyof Contact;

/** The API's field types (`GET /fields` `type`, keys of `extended_info.fields`) → `Contact` keys. */
export const CONTACT_FIELD_TYPES: Readonly<Record<string, ContactKey>> = {
  first_name: "firstName",
  last_name: "lastName",
  full_name: "fullName",
  email: "email",
  phone: "phone",
  mobile: "mobile",
  job: "job",
  address: "address",
  city: "city",
  zipcode: "zipcode",
  state: "state",
  country: "country",
  web: "web",
  fax: "fax",
  vat: "vat",
  company_id: "companyId",
};

/** The keys of `contact`, in output order. */
export const CONTACT_KEYS: readonly ContactKey[] = Object.values(CONTACT_FIELD_TYPES);

/** Field names recognised for each key, in the compact form of `nameId` (no case, accents, spaces, dots, dashes, underscores). */
const FIELD_NAMES: Record<ContactKey, readonly string[]> = {
  firstName: ["firstname", "first", "givenname", "forename", "prenom", "vorname"],
  lastName: ["lastname", "last", "surname", "familyname", "nom", "nomdefamille", "nachname"],
  fullName: ["fullname", "name", "contactname", "contact", "nomcomplet"],
  email: ["email", "mail", "emailaddress", "courriel", "adressemail", "adresseemail"],
  phone: [
    "phone",
    "telephone",
    "tel",
    "phonenumber",
    "workphone",
    "officephone",
    "landline",
    "telefon",
    "telefono",
  ],
  mobile: [
    "mobile",
    "cell",
    "cellphone",
    "mobilephone",
    "mobilenumber",
    "portable",
    "gsm",
    "handy",
    "telportable",
  ],
  job: ["job", "jobtitle", "position", "function", "fonction", "poste", "role"],
  address: ["address", "streetaddress", "street", "adresse", "adressepostale"],
  city: ["city", "town", "ville"],
  zipcode: ["zipcode", "zip", "postalcode", "postcode", "codepostal"],
  state: ["state", "province", "region"],
  country: ["country", "pays"],
  web: ["web", "website", "url", "site", "siteweb", "siteinternet", "homepage"],
  fax: ["fax", "faxnumber"],
  vat: ["vat", "vatnumber", "vatid", "tva", "numerodetva", "taxid"],
  companyId: ["companyid", "siret", "siren"],
};

function nameId(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s._\-']+/g, "");
}

const KEY_BY_NAME = new Map<string, ContactKey>(
  (Object.entries(FIELD_NAMES) as Array<[ContactKey, readonly string[]]>).flatMap(([key, names]) =>
    names.map((name) => [name, key] as [string, ContactKey]),
  ),
);

/** The `Contact` key a field name stands for (`"E-mail"` → `"email"`), or undefined. */
export function contactKeyForFieldName(name: string): ContactKey | undefined {
  return KEY_BY_NAME.get(nameId(name));
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A field's value as trimmed text, or undefined for null, empty and non-scalar values. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return undefined;
}

function extendedInfo(lead: Json): Json | undefined {
  return isObject(lead.extended_info) ? lead.extended_info : undefined;
}

/** The lead's contact fields (see the module's header), without building the whole output. */
export function leadContactFields(lead: unknown): Record<string, string> {
  if (!isObject(lead)) return {};
  const byName = extendedInfo(lead)?.fields_by_name;
  if (isObject(byName)) {
    const entries = Object.entries(byName).flatMap(([name, value]) => {
      const text = scalarText(value);
      return text === undefined || name.trim() === "" ? [] : [[name.trim(), text] as const];
    });
    if (entries.length > 0) return Object.fromEntries(entries);
  }
  const text = typeof lead.text_description === "string" ? lead.text_description : "";
  const source = text.trim() ? text : typeof lead.description === "string" ? lead.description : "";
  return Object.fromEntries(
    Object.entries(parseContactFields(source)).filter(([, value]) => value !== ""),
  );
}

/** The lead's `contact` (see the module's header); `contactFields` when already computed. */
export function leadContact(lead: unknown, contactFields?: Record<string, string>): Contact {
  const contact = Object.fromEntries(CONTACT_KEYS.map((key) => [key, null])) as unknown as Contact;
  if (!isObject(lead)) return contact;
  const typed = isObject(extendedInfo(lead)?.fields)
    ? (extendedInfo(lead)?.fields as Json)
    : isObject(lead.fields)
      ? lead.fields
      : {};
  for (const [type, value] of Object.entries(typed)) {
    const key = CONTACT_FIELD_TYPES[type];
    const text = scalarText(value);
    if (key && text !== undefined && contact[key] === null) contact[key] = text;
  }
  for (const [name, value] of Object.entries(contactFields ?? leadContactFields(lead))) {
    const key = contactKeyForFieldName(name);
    const text = scalarText(value);
    if (key && text !== undefined && contact[key] === null) contact[key] = text;
  }
  if (contact.fullName === null && (contact.firstName !== null || contact.lastName !== null)) {
    contact.fullName = [contact.firstName, contact.lastName].filter((n) => n !== null).join(" ");
  }
  return contact;
}

export type WithContact<T> = T & { contactFields: Record<string, string>; contact: Contact };

/**
 * The lead with `contactFields` and `contact` added (replacing any earlier ones, so applying it
 * twice is harmless). The input is not mutated and its other properties are kept as they are.
 * Anything that is not a plain object (null, an array) is returned unchanged.
 */
export function withContact<T extends object>(lead: T): WithContact<T> {
  if (!isObject(lead)) return lead as WithContact<T>;
  const contactFields = leadContactFields(lead);
  return { ...lead, contactFields, contact: leadContact(lead, contactFields) };
}

const comparable = (text: string) => text.normalize("NFC").trim().toLowerCase();

/**
 * Two contact values are the same when equal ignoring case and surrounding spaces (compared in
 * Unicode NFC). Inner spaces count: "801 274 6798" is not "8012746798". A missing value
 * matches nothing.
 */
export function sameContactValue(
  a: string | null | undefined,
  b: string | null | undefined,
): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return comparable(a) === comparable(b);
}

/**
 * The value of the lead's contact field `name` (matched ignoring case and surrounding spaces),
 * or undefined. Only the contact fields count (first contact block or `fields_by_name`): an
 * email or a phone number written in the notes or in a comment is not a contact field.
 */
export function contactFieldValue(lead: unknown, name: string): string | undefined {
  const wanted = normalizeFieldName(name);
  for (const [key, value] of Object.entries(leadContactFields(lead))) {
    if (normalizeFieldName(key) === wanted) return value;
  }
  return undefined;
}

/** True when the lead's contact field `name` equals `value`, ignoring case and surrounding spaces. */
export function contactFieldMatches(lead: unknown, name: string, value: string): boolean {
  return sameContactValue(contactFieldValue(lead, name), value);
}
