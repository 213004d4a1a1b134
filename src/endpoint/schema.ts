/**
 * The JSON Schema of each action's `data` (spectral's `outputSchema`), derived from the
 * declarations' examples, which are records in the live API's shapes (src/examples):
 *
 * - an object has the example's keys, all required, and stays open (the live API adds keys);
 * - numbers are `number` (an amount of 2400.0 is a whole number in JSON, not an integer field);
 * - a list is an array of one item schema, the merge of its items: a key is required when every
 *   item has it;
 * - a key that is null in any example of the registry is nullable wherever it appears, with the
 *   types it has elsewhere (`amount`: number or null); a key null in every example accepts any
 *   value, and an empty list takes its items from the same key elsewhere;
 * - maps keyed by the account's own field names (`fields_by_name`, `contactFields`) are objects
 *   of values, not fixed keys;
 * - what the live API does that no example shows (a lead nobody owns has no `user`) is declared
 *   in liveShapes.ts;
 * - leads (`returns`) gain `contactFields` and `contact`, as the factory adds them;
 * - a declaration's own `outputSchema` replaces the derived one where the example cannot say
 *   (Raw Request answers whatever the API answers).
 */
import { CONTACT_KEYS } from "../leads/contact";
import { liveRuleAt } from "./liveShapes";
import type { RegisteredEndpoint, Resource } from "./spec";

/** The JSON Schema keywords these schemas use (draft-07; a subset of spectral's JsonSchema). */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
}

type Kind = "string" | "number" | "boolean" | "null" | "object" | "array";

/** What the examples show of a value. No kinds: unknown, any value. */
interface Shape {
  kinds: Set<Kind>;
  /** Object keys (not for maps), and those every example of the object has. */
  props?: Map<string, Shape>;
  required?: Set<string>;
  /** A map's values (keys are data: the account's field names). */
  values?: Shape;
  /** A list's items; undefined when every example list is empty. */
  items?: Shape;
  description?: string;
}

/** Properties whose keys are the account's own names, not a fixed set. */
const MAPS = new Set(["fields_by_name", "contactFields"]);

/**
 * What the examples say of each property across the whole registry: by name (`amount`), and by
 * name within its parent (`fields.email`), which is preferred where a name means different things.
 */
export interface SchemaHints {
  byName: ReadonlyMap<string, Shape>;
  byPath: ReadonlyMap<string, Shape>;
}

const kindOf = (value: unknown): Kind => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return type;
  if (type === "object") return "object";
  throw new Error(`An example holds a ${type}: examples are JSON`);
};

function mergeOptional(a: Shape | undefined, b: Shape | undefined): Shape | undefined {
  if (!a) return b;
  if (!b) return a;
  return merge(a, b);
}

/** The shape of values that are either: kinds joined, a key required when both require it. */
function merge(a: Shape, b: Shape): Shape {
  const shape: Shape = { kinds: new Set([...a.kinds, ...b.kinds]) };
  if (a.props || b.props) {
    const props = new Map(a.props);
    for (const [key, value] of b.props ?? [])
      props.set(key, mergeOptional(props.get(key), value) as Shape);
    shape.props = props;
    // Only objects must hold the required keys: a null or a string on one side lifts nothing.
    shape.required =
      a.required && b.required
        ? new Set([...a.required].filter((key) => b.required?.has(key)))
        : new Set(a.required ?? b.required);
  }
  const values = mergeOptional(a.values, b.values);
  if (values) shape.values = values;
  const items = mergeOptional(a.items, b.items);
  if (items) shape.items = items;
  return shape;
}

/** What one example value shows; `key` is the property holding it. */
function shapeOf(value: unknown, key?: string): Shape {
  const kind = kindOf(value);
  const shape: Shape = { kinds: new Set([kind]) };
  if (kind === "array") {
    const items = (value as unknown[]).map((item) => shapeOf(item));
    if (items.length) shape.items = items.reduce(merge);
  } else if (kind === "object") {
    const entries = Object.entries(value as object);
    if (key !== undefined && MAPS.has(key)) {
      const values = entries.map(([, v]) => shapeOf(v));
      shape.values = values.length ? values.reduce(merge) : { kinds: new Set() };
    } else {
      shape.props = new Map(entries.map(([k, v]) => [k, shapeOf(v, k)]));
      shape.required = new Set(entries.map(([k]) => k));
    }
  }
  return shape;
}

/** Every property of these examples, with the merge of every value it holds. */
export function schemaHints(examples: unknown[]): SchemaHints {
  const byName = new Map<string, Shape>();
  const byPath = new Map<string, Shape>();
  const add = (hints: Map<string, Shape>, key: string, shape: Shape) =>
    hints.set(key, mergeOptional(hints.get(key), shape) as Shape);
  const visit = (shape: Shape, parent?: string) => {
    for (const [key, value] of shape.props ?? []) {
      add(byName, key, value);
      if (parent !== undefined) add(byPath, `${parent}.${key}`, value);
      visit(value, key);
    }
    if (shape.items) visit(shape.items, parent);
    if (shape.values) visit(shape.values, parent);
  };
  for (const example of examples) visit(shapeOf(example));
  return { byName, byPath };
}

const NO_HINTS: SchemaHints = { byName: new Map(), byPath: new Map() };

/** The hint's non-null part: what the value is when it is not null. */
function nonNull(hint: Shape | undefined): Shape | undefined {
  if (!hint) return undefined;
  const kinds = new Set([...hint.kinds].filter((kind) => kind !== "null"));
  return kinds.size ? { ...hint, kinds } : undefined;
}

/** Where a value is: its keys from the record (list items add none), and the action's section. */
interface Place {
  path: string[];
  resource?: Resource;
}

/**
 * A property as the registry knows it: nullable when null in any example, typed by the other
 * examples when null here, an empty list's items taken from the same key elsewhere; then what
 * the live rules say of it.
 */
function hinted(shape: Shape, place: Place, hints: SchemaHints): Shape {
  const key = place.path[place.path.length - 1] as string;
  const parent = place.path[place.path.length - 2];
  const named = hints.byName.get(key);
  const elsewhere = [
    parent !== undefined ? hints.byPath.get(`${parent}.${key}`) : undefined,
    named,
  ];
  const live = liveRuleAt(place.path, place.resource);
  if (live.anyValue) return { kinds: new Set(), description: live.anyValue };
  let out = withHints(shape, hints, place);
  if (out.kinds.size === 1 && out.kinds.has("null")) {
    const typed = elsewhere.map(nonNull).find(Boolean);
    if (typed) out = merge(out, typed);
  } else if (named?.kinds.has("null") || live.nullable) {
    out.kinds = new Set([...out.kinds, "null"]);
  }
  if (out.kinds.has("array") && !out.items)
    out.items = elsewhere.find((hint) => hint?.items)?.items;
  return out;
}

function withHints(shape: Shape, hints: SchemaHints, place: Place): Shape {
  const out: Shape = { ...shape };
  if (shape.props) {
    const at = (key: string): Place => ({ ...place, path: [...place.path, key] });
    out.props = new Map(
      [...shape.props].map(([key, value]) => [key, hinted(value, at(key), hints)]),
    );
    const optional = [...shape.props.keys()].filter(
      (key) => liveRuleAt(at(key).path, place.resource).optional,
    );
    if (optional.length)
      out.required = new Set([...(shape.required ?? [])].filter((key) => !optional.includes(key)));
  }
  if (shape.items) out.items = withHints(shape.items, hints, place);
  if (shape.values) out.values = withHints(shape.values, hints, place);
  return out;
}

/** Kinds in a fixed order, so schemas (and the docs) are deterministic. */
const KIND_ORDER: Kind[] = ["object", "array", "string", "number", "boolean", "null"];

function render(shape: Shape): JsonSchema {
  const kinds = KIND_ORDER.filter((kind) => shape.kinds.has(kind));
  const described = shape.description ? { description: shape.description } : {};
  // Unknown, or null in every example: nothing tells the type, so any value is accepted.
  if (kinds.length === 0 || (kinds.length === 1 && kinds[0] === "null")) return described;
  const schema: JsonSchema = { type: kinds.length === 1 ? kinds[0] : kinds, ...described };
  if (shape.props) {
    schema.properties = Object.fromEntries(
      [...shape.props].map(([key, value]) => [key, render(value)]),
    );
    const required = [...shape.props.keys()].filter((key) => shape.required?.has(key));
    if (required.length) schema.required = required;
  }
  if (shape.values) schema.additionalProperties = render(shape.values);
  if (kinds.includes("array")) schema.items = shape.items ? render(shape.items) : {};
  return schema;
}

/**
 * The schema of an example, with what the registry's other examples say of its keys and what
 * the live rules say of an action of `resource`.
 */
export function schemaOf(
  example: unknown,
  hints: SchemaHints = NO_HINTS,
  resource?: Resource,
): JsonSchema {
  return render(withHints(shapeOf(example), hints, { path: [], resource }));
}

// ---------------------------------------------------------------------------------------------
// What the factory adds to leads (see leads/contact.ts)

const contactFieldsSchema: JsonSchema = {
  type: "object",
  description: "The lead's contact fields by the account's field names (Firstname, Email, …).",
  additionalProperties: { type: "string" },
};

const contactSchema: JsonSchema = {
  type: "object",
  description: "The lead's contact in fixed keys; null when unknown.",
  properties: Object.fromEntries(CONTACT_KEYS.map((key) => [key, { type: ["string", "null"] }])),
  required: [...CONTACT_KEYS],
};

function withContact(lead: JsonSchema): JsonSchema {
  return {
    ...lead,
    properties: { ...lead.properties, contactFields: contactFieldsSchema, contact: contactSchema },
    required: [...(lead.required ?? []), "contactFields", "contact"],
  };
}

/** The schema with the leads `returns` names gaining their contact fields. */
function withLeads(schema: JsonSchema, returns: RegisteredEndpoint["returns"]): JsonSchema {
  if (returns === "lead") return withContact(schema);
  if (returns === "leads")
    return schema.items ? { ...schema, items: withContact(schema.items) } : schema;
  if (!returns || !schema.properties) return schema;
  const properties = { ...schema.properties };
  for (const [key, shape] of Object.entries(returns)) {
    const property = properties[key];
    if (property) properties[key] = withLeads(property, shape);
  }
  return { ...schema, properties };
}

/** The schema of an endpoint's `data`: declared, or derived from its example. */
export function outputSchemaOf(spec: RegisteredEndpoint, hints: SchemaHints): JsonSchema {
  if (spec.outputSchema) return spec.outputSchema;
  return withLeads(schemaOf(spec.example, hints, spec.resource), spec.returns);
}
