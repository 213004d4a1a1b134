/**
 * Test wiring for the "Pro Pipe Lines Events" trigger: its lifecycle handlers as Prismatic calls
 * them, deliveries to a flow that keeps the state the trigger returns (as Prismatic keeps a
 * flow's instance state between executions, possibly in a new process), and a loopback proxy in
 * front of the emulator that can spoil the answer of GET /webhooks.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { freshBundle } from "./bundle";
import type { Emulator } from "./emulator";
import { apiKeyConnection, component, delivery, harness } from "./harness";

export const FLOW = "Flow 1";
export const TRIGGER = "proPipeLinesEvents";

type Lifecycle = (context: unknown, params: Record<string, unknown>) => Promise<unknown>;
const built = component.triggers[TRIGGER] as unknown as {
  webhookCreate: Lifecycle;
  webhookDelete: Lifecycle;
};

/** What Prismatic hands a lifecycle handler: the flow, its URL, and no flow-scoped state. */
export function lifecycleContext(url: string) {
  return {
    logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, metric: () => {} },
    instanceState: {},
    crossFlowState: {},
    executionState: {},
    integrationState: {},
    webhookUrls: { [FLOW]: url },
    webhookApiKeys: {},
    flow: { id: "flow-1", name: FLOW, stableId: "stable-flow-1" },
    instance: { id: "instance-1", name: "Acme" },
  };
}

export const deploy = (url: string, params: Record<string, unknown>) =>
  built.webhookCreate(lifecycleContext(url), params);
export const remove = (url: string, params: Record<string, unknown>) =>
  built.webhookDelete(lifecycleContext(url), params);

/** The answer of a trigger run on a delivery. */
export interface Run {
  branch: string;
  payload: { body: { data: Record<string, unknown> }; rawBody: { data: unknown } };
  response?: { statusCode: number; body: string };
  instanceState?: Record<string, unknown>;
}

/** One flow receiving deliveries: its instance state carried from one execution to the next. */
export class Flow {
  state: Record<string, unknown> = {};
  readonly warnings: string[] = [];

  constructor(
    private readonly emu: Emulator,
    private readonly params: Record<string, unknown> = {},
  ) {}

  /** Runs the trigger on a request as Prismatic hands it over (`form`: the payload's parts). */
  async receive(form: unknown, { fresh = false, params = {} } = {}): Promise<Run> {
    const logger = {
      debug: () => {},
      info: () => {},
      error: () => {},
      metric: () => {},
      warn: (text: string) => this.warnings.push(String(text)),
    };
    const runner = fresh ? freshBundle().harness : harness;
    const result = (await runner.trigger(
      TRIGGER,
      form as never,
      { connection: apiKeyConnection(this.emu), ...this.params, ...params },
      { instanceState: JSON.parse(JSON.stringify(this.state)), logger } as never,
    )) as unknown as Run;
    // Prismatic persists the keys the trigger returns into the flow's instance state.
    this.state = JSON.parse(JSON.stringify({ ...this.state, ...result.instanceState }));
    return result;
  }

  /** A delivery of `body` as raw bytes plus the parsed body. */
  deliver(body: unknown, options: { fresh?: boolean; params?: Record<string, unknown> } = {}) {
    return this.receive(delivery(body), options);
  }
}

export type ListMode = "ok" | "html" | "partial" | "notWebhooks";

/**
 * A loopback proxy to the emulator. Every request reaches the emulator (so its log holds what
 * was sent); in a mode other than "ok", the answer of GET /webhooks is replaced: an HTML page,
 * the list cut in the middle, or a list of things that are not webhooks.
 */
export async function startListProxy(emu: Emulator) {
  const proxy = {
    mode: "ok" as ListMode,
    url: "",
    account: "",
    server: undefined as Server | undefined,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (k !== "host" && k !== "content-length" && v !== undefined) headers[k] = String(v);
      }
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const answer = await fetch(`${emu.url}${req.url}`, {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
        redirect: "manual",
      });
      const text = await answer.text();
      const isList = req.method === "GET" && req.url?.split("?")[0] === "/api/v2/webhooks";
      if (isList && proxy.mode !== "ok") {
        res.statusCode = 200;
        if (proxy.mode === "html") {
          res.setHeader("Content-Type", "text/html; charset=utf-8");
          res.end("<!DOCTYPE html><html><head><title>We'll be back soon</title></head></html>");
        } else {
          res.setHeader("Content-Type", "application/json; charset=utf-8");
          res.end(
            proxy.mode === "partial" ? text.slice(0, Math.floor(text.length / 2)) : "[1,2,3]",
          );
        }
        return;
      }
      res.statusCode = answer.status;
      const type = answer.headers.get("content-type");
      if (type) res.setHeader("Content-Type", type);
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  proxy.url = `http://127.0.0.1:${port}`;
  proxy.account = proxy.url;
  proxy.server = server;
  return Object.assign(proxy, {
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
