/**
 * Renders the built component definition as Markdown, in the spirit of Prismatic's component
 * pages: component, connections, data sources, triggers and actions, each with its inputs and
 * example payload. Deterministic: no timestamps; actions, data sources and triggers sorted by
 * label then key; inputs, dropdown values and connections kept in their declared (displayed) order.
 */
import type {
  Action,
  Component,
  Connection,
  DataSource,
  Input,
} from "@prismatic-io/spectral/dist/serverTypes";
import type { RegisteredEndpoint, Resource } from "../../src/endpoint";
import { compare, groupByResource } from "./resources";

/** What the docs read besides the component: the endpoint declarations. */
export interface Registry {
  endpoints: RegisteredEndpoint[];
  order: readonly Resource[];
}

type AnyTrigger = Component["triggers"][string];

interface Entry {
  key: string;
  label: string;
}

/** A table cell: one line, pipes escaped. */
function cell(text: unknown): string {
  if (text === undefined || text === null) return "";
  return String(text).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>").trim();
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Default shown only when it says something (spectral fills "" for every input). */
function defaultOf(input: Input): string {
  const value = input.default;
  if (value === undefined || value === null || value === "") return "";
  return code(typeof value === "string" ? value : JSON.stringify(value));
}

function typeOf(input: Input): string {
  const type = input.language ? `${input.type} (${input.language})` : input.type;
  return input.collection ? `${type}, ${input.collection}` : type;
}

function notesOf(input: Input): string {
  const notes: string[] = [];
  if (input.comments) notes.push(cell(input.comments));
  if (input.dataSource) notes.push(`Data source: ${code(input.dataSource)}.`);
  if (input.model?.length) {
    const values = input.model.map((choice) =>
      choice.label && choice.label !== choice.value
        ? `${code(String(choice.value))} (${cell(choice.label)})`
        : code(String(choice.value)),
    );
    notes.push(`Values: ${values.join(", ")}.`);
  }
  if (input.example) notes.push(`Example: ${code(cell(input.example))}.`);
  return notes.join("<br>");
}

function inputsTable(inputs: Input[]): string {
  if (inputs.length === 0) return "_No inputs._";
  return table(
    ["Input", "Key", "Type", "Required", "Default", "Notes"],
    inputs.map((input) => [
      cell(input.label),
      code(input.key),
      typeOf(input),
      input.required ? "yes" : "",
      defaultOf(input),
      notesOf(input),
    ]),
  );
}

function example(title: string, payload: unknown): string {
  if (payload === undefined) return "";
  return `Example payload for ${title}:\n\n\`\`\`json\n${JSON.stringify(payload, null, 2)}\n\`\`\``;
}

const byLabel = <T extends { key: string; display: { label: string } }>(items: T[]) =>
  [...items].sort((a, b) => compare(a.display.label, b.display.label) || compare(a.key, b.key));

/** GitHub's anchor for a heading. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replace(/ /g, "-");

function section(level: string, entry: Entry, description: string | undefined, meta: string[]) {
  return [`${level} ${entry.label}`, [cell(description), ...meta].filter(Boolean).join(" · ")].join(
    "\n\n",
  );
}

function connectionSection(connection: Connection): string {
  return [
    section("###", connection, connection.comments, [`key: ${code(connection.key)}`]),
    inputsTable(connection.inputs),
  ].join("\n\n");
}

function dataSourceSection(ds: DataSource): string {
  return [
    section("###", { key: ds.key, label: ds.display.label }, ds.display.description, [
      `key: ${code(ds.key)}`,
      `type: ${code(ds.dataSourceType)}`,
    ]),
    inputsTable(ds.inputs),
    example(ds.display.label, ds.examplePayload),
  ]
    .filter(Boolean)
    .join("\n\n");
}

function triggerKind(trigger: AnyTrigger): string {
  const t = trigger as AnyTrigger & { isPollingTrigger?: boolean };
  if (t.isPollingTrigger) return "polling";
  if (t.hasWebhookCreateFunction || t.hasOnInstanceDeploy) return "webhook (self-registering)";
  return "webhook";
}

function triggerSection(trigger: AnyTrigger): string {
  const payload = (trigger as { examplePayload?: unknown }).examplePayload;
  return [
    section(
      "###",
      { key: trigger.key, label: trigger.display.label },
      trigger.display.description,
      [`key: ${code(trigger.key)}`, `type: ${triggerKind(trigger)}`],
    ),
    inputsTable(trigger.inputs),
    example(trigger.display.label, payload),
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** Whether the designer may run the action inline, and why not. */
function safetyNote(action: Action, endpoint: RegisteredEndpoint | undefined): string {
  if (action.performSafety === "SAFE") return "performSafety: safe (read-only)";
  const why = endpoint?.sideEffect ?? (endpoint?.method !== "GET" ? "writes" : "");
  return `performSafety: notAllowed${why ? ` (${why})` : ""}`;
}

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  description?: string;
}

const typeName = (schema: SchemaNode | undefined) =>
  schema?.type ? [schema.type].flat().join(" or ") : "any";

/** The output schema in one line: the record's (or the list item's) fields and their types. */
function outputNote(action: Action): string {
  const schema = action.outputSchema;
  if (schema?.type !== "actionOutput") return "";
  const root = JSON.parse(schema.schema) as SchemaNode;
  const record = root.items ?? root;
  const fields = Object.entries(record.properties ?? {}).map(
    ([key, value]) => `${code(key)} ${typeName(value)}`,
  );
  const what = root.items ? "a list; each item has" : "has";
  if (fields.length === 0) return `Output schema: ${cell(root.description ?? typeName(root))}.`;
  return `Output schema: \`data\` ${what} ${fields.join(", ")}.`;
}

function actionSection(action: Action, registry: Registry): string {
  const endpoint = registry.endpoints.find((e) => e.key === action.key);
  const request = endpoint ? [`${code(`${endpoint.method} ${endpoint.path}`)}`] : [];
  return [
    section("###", { key: action.key, label: action.display.label }, action.display.description, [
      `key: ${code(action.key)}`,
      ...request,
      safetyNote(action, endpoint),
    ]),
    inputsTable(action.inputs),
    example(action.display.label, action.examplePayload),
    outputNote(action),
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** The actions-per-resource table (also printed for the README). */
export function summaryTable(component: Component, registry: Registry): string {
  const actions = Object.values(component.actions).map((a) => ({
    key: a.key,
    label: a.display.label,
  }));
  const groups = groupByResource(actions, registry.endpoints, registry.order);
  const rows = groups.map(({ resource, actions: list }) => [
    resource,
    String(list.length),
    list.map((a) => `[${a.label}](docs/reference.md#${anchor(a.label)})`).join(", "),
  ]);
  rows.push(["**Total**", `**${actions.length}**`, ""]);
  return table(["Resource", "Count", "Actions"], rows);
}

function group(title: string, sections: string[]): string {
  return sections.length ? [`## ${title}`, ...sections].join("\n\n") : `## ${title}\n\n_None._`;
}

export function renderReference(component: Component, registry: Registry): string {
  const triggers = byLabel(Object.values(component.triggers));
  const dataSources = byLabel(Object.values(component.dataSources));
  const actions = byLabel(Object.values(component.actions));
  const parts = [
    `# ${component.display.label}`,
    "<!-- Generated by `npm run docs` (scripts/docs.ts) from dist/index.js. Do not edit by hand. -->",
    cell(component.display.description),
    [
      `Component key: ${code(component.key)}`,
      component.display.category ? `Category: ${component.display.category}` : "",
      component.documentationUrl ? `API documentation: ${component.documentationUrl}` : "",
    ]
      .filter(Boolean)
      .join(" · "),
    "## Actions per resource",
    // Section links in the summary are relative to the README; here they point at this page.
    summaryTable(component, registry).replace(/\(docs\/reference\.md#/g, "(#"),
    group("Connections", component.connections.map(connectionSection)),
    group("Triggers", triggers.map(triggerSection)),
    group("Data Sources", dataSources.map(dataSourceSection)),
    group(
      "Actions",
      actions.map((action) => actionSection(action, registry)),
    ),
  ];
  return `${parts.join("\n\n")}\n`;
}
