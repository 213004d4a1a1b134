/**
 * Quota efficiency per declaration: API requests each action, data source and trigger makes for
 * a typical call, counted by the emulator (live-like: pages capped at 100), next to the fewest
 * the API allows. A figure over its minimum, an action without a case, or a typical call that
 * fails, fails the bench. Token costs across executions are measured in bench/polling.ts.
 */
import type { Emulator } from "../test/emulator";
import { startSink } from "../test/emulator/sink";
import { registry } from "../test/harness";
import { typicalParams } from "../test/typicalCalls";
import { type Check, counted, judge } from "./checks";
import { component, harness, leadCreatedDelivery, messageOf, startAccount } from "./component";
import {
  ACTION_CASES,
  DATA_SOURCE_CASES,
  INVALID_CASES,
  makeSetup,
  type Params,
  type QuotaCase,
  resolveParams,
  type SetupContext,
  TRIGGER_PARAMS,
} from "./quota-cases";
import { printTable, type Row } from "./table";

type Context = Record<string, unknown>;

/** Case inputs the component does not have (a renamed input would otherwise pass unnoticed). */
function unknownInputs(inputs: Array<{ key: string }>, params: Params): string | undefined {
  const known = new Set(inputs.map((input) => input.key));
  const unknown = Object.keys(params).filter((key) => !known.has(key));
  return unknown.length ? `FAIL: unknown input ${unknown.join(", ")}` : undefined;
}

const minimumOf = (spec: QuotaCase, emu: Emulator) =>
  typeof spec.minimum === "function" ? spec.minimum(emu) : (spec.minimum ?? 1);

const failed = (kind: string, subject: string, call: string, status: string): Check => ({
  kind,
  subject,
  call,
  status,
  ok: false,
});

/** One row per declared endpoint, each on a fresh emulator (a typical call may delete a seed). */
async function actionRows(sinkUrl: string): Promise<Check[]> {
  const out: Check[] = [];
  for (const endpoint of [...registry].sort((a, b) => a.key.localeCompare(b.key))) {
    const key = endpoint.key;
    const spec = ACTION_CASES[key] ?? { params: typicalParams(endpoint) };
    const emu = await startAccount();
    out.push(await actionRow(makeSetup(emu, sinkUrl), key, spec));
    await emu.stop();
  }
  return out;
}

async function actionRow(setup: SetupContext, key: string, spec: QuotaCase): Promise<Check> {
  let params: Params;
  try {
    params = await resolveParams(spec, setup);
  } catch (error) {
    return failed("action", key, "setup", `FAIL: setup: ${messageOf(error)}`);
  }
  const unknown = unknownInputs(component.actions[key].inputs, params);
  if (unknown) return failed("action", key, "", unknown);
  const minimum = minimumOf(spec, setup.emu);
  const { used, error } = await counted(setup.emu, () => harness.action(key, params));
  const call = spec.note ?? "typical call";
  return judge({ kind: "action", subject: key, call, spent: used, minimum, error });
}

async function invalidRows(setup: SetupContext): Promise<Check[]> {
  const out: Check[] = [];
  for (const spec of INVALID_CASES) {
    const call = `invalid: ${spec.note}`;
    const params = { connection: setup.connection, ...spec.params };
    const unknown = unknownInputs(component.actions[spec.action].inputs, params);
    if (unknown) {
      out.push(failed("action", spec.action, call, unknown));
      continue;
    }
    const { used, error } = await counted(setup.emu, () => harness.action(spec.action, params));
    const problem = error === undefined ? "accepted" : undefined;
    out.push(
      judge({ kind: "action", subject: spec.action, call, spent: used, minimum: 0, problem }),
    );
  }
  return out;
}

async function dataSourceRows(setup: SetupContext): Promise<Check[]> {
  const out: Check[] = [];
  for (const key of Object.keys(component.dataSources).sort()) {
    const spec = DATA_SOURCE_CASES[key] ?? {};
    const params = await resolveParams(spec, setup);
    const { used, error } = await counted(setup.emu, () => harness.dataSource(key, params));
    const call = spec.note ?? "open the dropdown";
    const minimum = minimumOf(spec, setup.emu);
    out.push(judge({ kind: "data source", subject: key, call, spent: used, minimum, error }));
  }
  return out;
}

async function triggerRows(setup: SetupContext): Promise<Check[]> {
  const out: Check[] = [];
  for (const key of Object.keys(component.triggers).sort()) {
    const trigger = component.triggers[key] as { isPollingTrigger?: boolean };
    const params = { connection: setup.connection, ...TRIGGER_PARAMS[key] };
    const row = (call: string, spent: number, minimum: number, error?: unknown) =>
      judge({ kind: "trigger", subject: key, call, spent, minimum, error });
    if (trigger.isPollingTrigger) {
      const context = { instanceState: {} as Context };
      const poll = () => harness.trigger(key, undefined, params, context);
      const first = await counted(setup.emu, poll);
      if (first.error) {
        out.push(row("first poll", first.used, 1, first.error));
        continue;
      }
      const { used, error } = await counted(setup.emu, poll);
      out.push(row("idle poll", used, 1, error));
    } else {
      const payload = leadCreatedDelivery(setup.emu);
      const { used, error } = await counted(setup.emu, () => harness.trigger(key, payload, params));
      out.push(row("signed webhook delivery", used, 0, error));
    }
  }
  return out;
}

/** Runs every case; returns whether all figures are at their minimum. */
export async function quotaBench(): Promise<boolean> {
  const emu = await startAccount();
  const sink = await startSink();
  try {
    const setup = makeSetup(emu, sink.url);
    const outcomes = [
      ...(await actionRows(sink.url)),
      ...(await invalidRows(setup)),
      ...(await dataSourceRows(setup)),
      ...(await triggerRows(setup)),
    ];
    const rows: Row[] = outcomes.map((o) => [
      o.kind ?? "",
      o.subject,
      o.call,
      o.spent ?? "",
      o.minimum ?? "",
      o.status,
    ]);
    const failures = outcomes.filter((o) => !o.ok).length;
    printTable(
      "Quota per action, data source and trigger (requests per call, counted by the emulator)",
      ["Kind", "Key", "Call", "Requests", "Minimum", "Result"],
      rows,
      ["", `${outcomes.length - failures}/${outcomes.length} at their minimum.`],
    );
    return failures === 0;
  } finally {
    await sink.stop();
    await emu.stop();
  }
}
