/**
 * Quota efficiency: API requests each action, data source and trigger makes for a typical call,
 * counted by the emulator, next to the fewest the API allows. A figure over its minimum, an
 * action without a case, or a typical call that fails, fails the bench.
 */
import { Emulator } from "../test/emulator";
import { startSink } from "../test/emulator/sink";
import { delivery, registry, signedEvent } from "../test/harness";
import { typicalParams } from "../test/typicalCalls";
import {
  apiKeyConnection,
  type ConnectionValue,
  component,
  harness,
  loginConnection,
  messageOf,
} from "./component";
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

interface Outcome {
  kind: string;
  key: string;
  call: string;
  used?: number;
  minimum?: number;
  status: string;
  ok: boolean;
}

type Context = Record<string, unknown>;

/** Requests the emulator received while `fn` ran (and whether/what it threw). */
async function counted(emu: Emulator, fn: () => Promise<unknown>) {
  const before = emu.log.length;
  try {
    const result = await fn();
    return { used: emu.log.length - before, result };
  } catch (error) {
    return { used: emu.log.length - before, error };
  }
}

function verdict(
  kind: string,
  key: string,
  call: string,
  used: number,
  minimum: number,
  error?: unknown,
): Outcome {
  if (error !== undefined) {
    return { kind, key, call, used, minimum, status: `FAIL: ${messageOf(error)}`, ok: false };
  }
  const ok = used <= minimum;
  return { kind, key, call, used, minimum, status: ok ? "ok" : "OVER MINIMUM", ok };
}

/** Case inputs the component does not have (a renamed input would otherwise pass unnoticed). */
function unknownInputs(inputs: Array<{ key: string }>, params: Params): string | undefined {
  const known = new Set(inputs.map((input) => input.key));
  const unknown = Object.keys(params).filter((key) => !known.has(key));
  return unknown.length ? `FAIL: unknown input ${unknown.join(", ")}` : undefined;
}

const minimumOf = (spec: QuotaCase, emu: Emulator) =>
  typeof spec.minimum === "function" ? spec.minimum(emu) : (spec.minimum ?? 1);

/** One row per declared endpoint, each on a fresh emulator (a typical call may delete a seed). */
async function actionRows(sinkUrl: string): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const endpoint of [...registry].sort((a, b) => a.key.localeCompare(b.key))) {
    const key = endpoint.key;
    const spec = ACTION_CASES[key] ?? { params: typicalParams(endpoint) };
    const emu = await new Emulator({ dailyQuota: 1_000_000 }).start();
    const setup = makeSetup(emu, sinkUrl);
    out.push(await actionRow(setup, key, spec));
    await emu.stop();
  }
  return out;
}

async function actionRow(setup: SetupContext, key: string, spec: QuotaCase): Promise<Outcome> {
  let params: Params;
  try {
    params = await resolveParams(spec, setup);
  } catch (error) {
    const status = `FAIL: setup: ${messageOf(error)}`;
    return { kind: "action", key, call: "setup", status, ok: false };
  }
  const unknown = unknownInputs(component.actions[key].inputs, params);
  if (unknown) return { kind: "action", key, call: "", status: unknown, ok: false };
  const minimum = minimumOf(spec, setup.emu);
  const { used, error } = await counted(setup.emu, () => harness.action(key, params));
  return verdict("action", key, spec.note ?? "typical call", used, minimum, error);
}

async function invalidRows(setup: SetupContext): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const spec of INVALID_CASES) {
    const call = `invalid: ${spec.note}`;
    const params = { connection: setup.connection, ...spec.params };
    const unknown = unknownInputs(component.actions[spec.action].inputs, params);
    if (unknown) {
      out.push({ kind: "action", key: spec.action, call, status: unknown, ok: false });
      continue;
    }
    const { used, error } = await counted(setup.emu, () => harness.action(spec.action, params));
    const outcome = verdict("action", spec.action, call, used, 0);
    if (error === undefined) Object.assign(outcome, { status: "FAIL: accepted", ok: false });
    out.push(outcome);
  }
  return out;
}

/** 100 calls on one connection, the instance state carried between them as Prismatic does. */
async function tokenRow(
  emu: Emulator,
  label: string,
  connection: ConnectionValue,
  tokenPath: string,
): Promise<Outcome> {
  const state: Context = {};
  const { used, error } = await counted(emu, async () => {
    for (let i = 0; i < 100; i++) {
      const result = await harness.action(
        "testConnection",
        { connection },
        { instanceState: state },
      );
      Object.assign(state, (result as { instanceState?: Context } | undefined)?.instanceState);
    }
  });
  const fetches = emu.log.slice(emu.log.length - used).filter((r) => r.path === tokenPath).length;
  const outcome = verdict("token", label, "token fetches per 100 calls", fetches, 1, error);
  if (used > 100 + fetches) Object.assign(outcome, { status: `OVER: ${used} requests`, ok: false });
  return outcome;
}

async function dataSourceRows(setup: SetupContext): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const key of Object.keys(component.dataSources).sort()) {
    const spec = DATA_SOURCE_CASES[key] ?? {};
    const params = await resolveParams(spec, setup);
    const { used, error } = await counted(setup.emu, () => harness.dataSource(key, params));
    out.push(
      verdict(
        "data source",
        key,
        spec.note ?? "open the dropdown",
        used,
        minimumOf(spec, setup.emu),
        error,
      ),
    );
  }
  return out;
}

/** A signed delivery of a lead creation, as the API sends it. */
function leadCreated(emu: Emulator) {
  const lead = [...emu.store.leads.values()][0];
  const data = lead ? emu.store.leadJson(lead) : {};
  return delivery({ webhook_event: signedEvent(990_001, "lead.creation", data) });
}

async function triggerRows(setup: SetupContext): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const key of Object.keys(component.triggers).sort()) {
    const trigger = component.triggers[key] as { isPollingTrigger?: boolean };
    const params = { connection: setup.connection, ...TRIGGER_PARAMS[key] };
    if (trigger.isPollingTrigger) {
      const context = { instanceState: {} as Context };
      const poll = () => harness.trigger(key, undefined, params, context);
      const first = await counted(setup.emu, poll);
      if (first.error) {
        out.push(verdict("trigger", key, "first poll", first.used, 1, first.error));
        continue;
      }
      const { used, error } = await counted(setup.emu, poll);
      out.push(verdict("trigger", key, "idle poll", used, 1, error));
    } else {
      const payload = leadCreated(setup.emu) as unknown as Parameters<typeof harness.trigger>[1];
      const { used, error } = await counted(setup.emu, () => harness.trigger(key, payload, params));
      out.push(verdict("trigger", key, "signed webhook delivery", used, 0, error));
    }
  }
  return out;
}

/** Runs every case against a fresh emulator; returns whether all figures are at their minimum. */
export async function quotaBench(): Promise<boolean> {
  const emu = await new Emulator({ dailyQuota: 1_000_000 }).start();
  const sink = await startSink();
  try {
    const setup = makeSetup(emu, sink.url);
    // Token rows first, while no token of these connections is cached in this process.
    const outcomes = [
      await tokenRow(
        emu,
        "API key + Act as User",
        apiKeyConnection(emu, { actAsUser: "stef@example.com" }),
        "/auth/log_as",
      ),
      await tokenRow(emu, "User Login", loginConnection(emu), "/auth/login"),
      ...(await actionRows(sink.url)),
      ...(await invalidRows(setup)),
      ...(await dataSourceRows(setup)),
      ...(await triggerRows(setup)),
    ];
    const rows: Row[] = outcomes.map((o) => [
      o.kind,
      o.key,
      o.call,
      o.used ?? "",
      o.minimum ?? "",
      o.status,
    ]);
    const failed = outcomes.filter((o) => !o.ok);
    printTable(
      "1. Quota efficiency (requests per call, counted by the emulator)",
      ["Kind", "Key", "Call", "Requests", "Minimum", "Result"],
      rows,
      ["", `${outcomes.length - failed.length}/${outcomes.length} at their minimum.`],
    );
    return failed.length === 0;
  } finally {
    await sink.stop();
    await emu.stop();
  }
}
