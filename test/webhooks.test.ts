/**
 * Webhooks through the harness on the built component, against the emulator: the five webhook
 * actions, the "Pro Pipe Lines Events" trigger's deploy/delete lifecycle, signature checks on
 * deliveries, and an end-to-end delivery from the emulator to a local listener.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  signEvent,
  type WebhookRow,
  webhookEventsOf,
  webhooksOf,
} from "./emulator/resources/webhooks";
import { DEFAULT_API_KEY } from "./emulator/server";
import { type Received, type Sink, startSink } from "./emulator/sink";
import {
  actionError,
  actionRunner,
  apiKeyConnection,
  component,
  delivery,
  errorOf,
  errorRunner,
  expectSent,
  harness,
  loginConnection,
  serialize,
  signedEvent,
  useEmulator,
} from "./helpers";

const emu = useEmulator();

const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

const FLOW = "Flow 1";
const TRIGGER = "proPipeLinesEvents";

// ---------------------------------------------------------------------------------------------
// Actions

describe("webhook actions", () => {
  it("List Webhooks: GET /webhooks with the API key", async () => {
    const result = await run("listWebhooks");
    expectSent(emu, [
      { method: "GET", path: "/webhooks", query: {}, headers: { "x-api-key": DEFAULT_API_KEY } },
    ]);
    const ids = ((result?.data ?? []) as Array<{ id: number }>).map((w) => w.id);
    expect(ids).toEqual(expect.arrayContaining([62, 63, 64, 65]));
    expect(result?.data).toContainEqual({
      id: 62,
      event: "lead.content_has_changed",
      target: "https://my/process",
      target_type: "url",
      params: null,
      name: "My webhook",
      is_disabled: true,
    });
  });

  it("Create Webhook: POST /webhooks with event, target type, target and name", async () => {
    const apiKey = emu.newApiKey();
    const result = await harness.action("createWebhook", {
      connection: apiKeyConnection(emu, { apiKey }),
      event: "lead.status.changed.to.won",
      targetType: "url",
      target: "https://hooks.example.com/won",
      name: "Won deals",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/webhooks",
        headers: { "x-api-key": apiKey },
        body: {
          event: "lead.status.changed.to.won",
          target_type: "url",
          target: "https://hooks.example.com/won",
          name: "Won deals",
        },
      },
    ]);
    const created = result?.data as { id: number; event: string };
    expect(created).toMatchObject({ event: "lead.status.changed.to.won", name: "Won deals" });
    // The emulator signs deliveries with the key of the creating request.
    expect(webhooksOf(emu).get(created.id)?.apiKey).toBe(apiKey);
  });

  it("Create Webhook: an email notification, and the manual trigger in the lead menu", async () => {
    await run("createWebhook", {
      event: "lead.manual.trigger",
      targetType: "email",
      target: "ops@example.com",
      addToLeadActionMenu: "true",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/webhooks",
        body: {
          event: "lead.manual.trigger",
          target_type: "email",
          target: "ops@example.com",
          add_to_lead_action_menu: true,
        },
      },
    ]);
  });

  it("Create Webhook for a given step: reads the step, then subscribes lead.step.changed.to.PIPELINE.STEP", async () => {
    await run("createWebhook", {
      event: "lead.step.changed.to.PIPE.NAME_OF_YOUR_STEP",
      step: "1191",
      target: "https://hooks.example.com/closing",
    });
    expectSent(emu, [
      { method: "GET", path: "/steps/1191" },
      {
        method: "POST",
        path: "/webhooks",
        body: {
          event: "lead.step.changed.to.Sales funnel.Closing",
          target_type: "url",
          target: "https://hooks.example.com/closing",
        },
      },
    ]);
  });

  it("Create Webhook: an existing subscription is the API's 409, as an ApiError", async () => {
    const error = await errorFrom("createWebhook", {
      event: "lead.unassigned",
      target: "https://my/process2",
    });
    expect(error.name).toBe("ApiError");
    expect(error.status).toBe(409);
    expectSent(emu, [
      {
        method: "POST",
        path: "/webhooks",
        body: { event: "lead.unassigned", target_type: "url", target: "https://my/process2" },
        status: 409,
      },
    ]);
  });

  it("Delete Webhook: DELETE /webhooks/{id}", async () => {
    const id = emu.store.nextId();
    webhooksOf(emu).set(id, {
      ...(webhooksOf(emu).get(64) as WebhookRow),
      id,
      target: "gone@example.com",
    });
    const result = await run("deleteWebhook", { webhookId: String(id) });
    expectSent(emu, [{ method: "DELETE", path: `/webhooks/${id}` }]);
    expect(result?.data).toEqual({ id });
    expect(webhooksOf(emu).has(id)).toBe(false);
  });

  it("List Webhook Events: GET /webhook_events, the last 10 days, newest first", async () => {
    const result = await run("listWebhookEvents");
    expectSent(emu, [{ method: "GET", path: "/webhook_events" }]);
    const ids = ((result?.data ?? []) as Array<{ id: number }>).map((e) => e.id);
    expect(ids.slice(-2)).toEqual([984, 3]);
    expect(ids).not.toContain(2); // sent 15 days ago
  });

  it("Get Webhook Event: GET /webhook_events/{id}, also as an admin user", async () => {
    const result = await harness.action("getWebhookEvent", {
      connection: loginConnection(emu),
      webhookEventId: "3",
    });
    // The connection's first request in this file: it logs in first.
    expectSent(emu, [
      { method: "GET", path: "/auth/login" },
      {
        method: "GET",
        path: "/webhook_events/3",
        headers: { "x-user-token": expect.stringMatching(/^tok-/) },
      },
    ]);
    expect(result?.data).toMatchObject({
      id: 3,
      event: "lead.creation",
      signature: signEvent(3, DEFAULT_API_KEY),
      last_returned_code: 404,
    });
  });

  describe("bad input costs no request", () => {
    const cases: Array<[string, string, Record<string, unknown>, RegExp]> = [
      ["a User Login for List Webhooks", "listWebhooks", { login: true }, /^Connection: .*API Key/],
      [
        "Act as User for Delete Webhook",
        "deleteWebhook",
        { actAs: true, webhookId: "62" },
        /^Connection: .*Act as User/,
      ],
      [
        "a target that is not a URL",
        "createWebhook",
        { event: "lead.creation", target: "my server" },
        /^Target: "my server" is not a web address/,
      ],
      [
        "an email notification to a non-address",
        "createWebhook",
        { event: "lead.creation", targetType: "email", target: "ops@" },
        /^Target: /,
      ],
      [
        "the step event without a step",
        "createWebhook",
        { event: "lead.step.changed.to.PIPE.NAME_OF_YOUR_STEP", target: "https://x.io/h" },
        /^Step: is required/,
      ],
      [
        "a step with another event",
        "createWebhook",
        { event: "lead.creation", step: "1191", target: "https://x.io/h" },
        /^Step: is only used/,
      ],
      [
        "the lead action menu with another event",
        "createWebhook",
        { event: "lead.creation", target: "https://x.io/h", addToLeadActionMenu: "true" },
        /^Add to Lead Action Menu: /,
      ],
      [
        "an unknown event",
        "createWebhook",
        { event: "lead.exploded", target: "https://x.io/h" },
        /^Event: "lead.exploded" is not one of/,
      ],
      [
        "a webhook id that is not a number",
        "deleteWebhook",
        { webhookId: "62abc" },
        /^Webhook ID: /,
      ],
      [
        "a webhook event id that is not a number",
        "getWebhookEvent",
        { webhookEventId: "x" },
        /^Webhook Event ID: /,
      ],
    ];
    it.each(cases)("%s", async (_, key, inputs, message) => {
      const { login, actAs, ...rest } = inputs;
      const connection = login
        ? loginConnection(emu)
        : apiKeyConnection(emu, actAs ? { actAsUser: "stef@example.com" } : {});
      const error = await actionError(key, { connection, ...rest });
      expect(error.name).toBe("InputError");
      expect(error.message).toMatch(message);
      expectSent(emu, []);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Trigger lifecycle

type Lifecycle = (context: unknown, params: Record<string, unknown>) => Promise<unknown>;
const built = component.triggers[TRIGGER] as unknown as {
  webhookCreate: Lifecycle;
  webhookDelete: Lifecycle;
};

/** What Prismatic hands a lifecycle handler: the flow, its URL, and no flow-scoped state. */
function lifecycleContext(url: string) {
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

const deploy = (url: string, params: Record<string, unknown>) =>
  built.webhookCreate(lifecycleContext(url), params);
const remove = (url: string, params: Record<string, unknown>) =>
  built.webhookDelete(lifecycleContext(url), params);

/** The ids of the subscriptions that deliver to `url`, in the account's order. */
const subscriptionIds = (url: string) =>
  [...webhooksOf(emu).values()].filter((w) => w.target === url).map((w) => w.id);

/** event → how many subscriptions deliver it to `url`. */
function subscriptionsTo(url: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const hook of webhooksOf(emu).values()) {
    if (hook.target === url && hook.target_type === "url") {
      counts[hook.event] = (counts[hook.event] ?? 0) + 1;
    }
  }
  return counts;
}

describe("Pro Pipe Lines Events: deploy and delete", () => {
  const url = "https://hooks.prismatic.io/trigger/flow-1-lifecycle";
  const params = () => ({
    connection: apiKeyConnection(emu),
    events: [
      "lead.creation",
      "lead.status.changed.to.won",
      "lead.step.changed.to.PIPE.NAME_OF_YOUR_STEP",
    ],
    step: "1191",
  });
  const expected = {
    "lead.creation": 1,
    "lead.status.changed.to.won": 1,
    "lead.step.changed.to.Sales funnel.Closing": 1,
  };
  /** The POST that subscribes `target` to `event`. */
  const subscribe = (event: string, target = url) => ({
    method: "POST",
    path: "/webhooks",
    body: { event, target_type: "url", target, name: "Prismatic: Acme / Flow 1" },
  });
  const listing = { method: "GET", path: "/webhooks" };
  const unsubscribe = (id: number) => ({ method: "DELETE", path: `/webhooks/${id}` });

  it("deploy twice then delete: one subscription per event after each deploy, none after delete", async () => {
    await deploy(url, params());
    expect(subscriptionsTo(url)).toEqual(expected);
    expectSent(emu, [
      { method: "GET", path: "/steps/1191" },
      listing,
      subscribe("lead.creation"),
      subscribe("lead.status.changed.to.won"),
      subscribe("lead.step.changed.to.Sales funnel.Closing"),
    ]);

    emu.clearLog();
    await deploy(url, params());
    expect(subscriptionsTo(url)).toEqual(expected);
    expectSent(emu, [{ method: "GET", path: "/steps/1191" }, listing]);

    emu.clearLog();
    const ids = subscriptionIds(url);
    expect(ids).toHaveLength(3);
    await remove(url, params());
    expect(subscriptionsTo(url)).toEqual({});
    expectSent(emu, [listing, ...ids.map(unsubscribe)]);
    // Other subscriptions of the account are left alone.
    expect([...webhooksOf(emu).keys()]).toEqual(expect.arrayContaining([62, 63, 64, 65]));

    emu.clearLog();
    await remove(url, params());
    expectSent(emu, [listing]);
  });

  it("a redeploy with other events removes the dropped ones, replaces a disabled one and a duplicate", async () => {
    const other = `${url}-changes`;
    await deploy(other, { ...params(), events: ["lead.creation", "lead.deleted"], step: "" });
    const rows = [...webhooksOf(emu).values()].filter((w) => w.target === other);
    const deleted = rows.find((w) => w.event === "lead.deleted") as WebhookRow;
    deleted.is_disabled = true;
    const creation = rows.find((w) => w.event === "lead.creation") as WebhookRow;
    const duplicate = emu.store.nextId();
    webhooksOf(emu).set(duplicate, { ...creation, id: duplicate });

    emu.clearLog();
    await deploy(other, {
      ...params(),
      events: ["lead.creation", "lead.deleted", "lead.commented"],
      step: "",
    });
    expect(subscriptionsTo(other)).toEqual({
      "lead.creation": 1,
      "lead.deleted": 1,
      "lead.commented": 1,
    });
    expect(
      [...webhooksOf(emu).values()].filter((w) => w.target === other && w.is_disabled),
    ).toEqual([]);
    expectSent(emu, [
      listing,
      unsubscribe(deleted.id),
      unsubscribe(duplicate),
      subscribe("lead.deleted", other),
      subscribe("lead.commented", other),
    ]);

    emu.clearLog();
    const dropped = [...webhooksOf(emu).values()]
      .filter((w) => w.target === other && w.event !== "lead.commented")
      .map((w) => w.id);
    expect(dropped).toHaveLength(2);
    await deploy(other, { ...params(), events: ["lead.commented"], step: "" });
    expect(subscriptionsTo(other)).toEqual({ "lead.commented": 1 });
    expectSent(emu, [listing, ...dropped.map(unsubscribe)]);
    await remove(other, params());
  });

  it("a 409 'already exists' from a stale list counts as success", async () => {
    const stale = `${url}-stale`;
    await deploy(stale, { ...params(), events: ["lead.creation"], step: "" });
    const original = emu.router.match("GET", "/webhooks");
    if (!original || original === "wrong-method") throw new Error("no GET /webhooks route");
    let hide = true;
    emu.router.on("GET", "/webhooks", (ctx) => (hide ? { body: [] } : original.handler(ctx)));
    try {
      emu.clearLog();
      await deploy(stale, { ...params(), events: ["lead.creation"], step: "" });
      expectSent(emu, [listing, { ...subscribe("lead.creation", stale), status: 409 }]);
      expect(subscriptionsTo(stale)).toEqual({ "lead.creation": 1 });
    } finally {
      hide = false;
    }
    await remove(stale, params());
    expect(subscriptionsTo(stale)).toEqual({});
  });

  describe("refused before any request", () => {
    const cases: Array<[string, () => Record<string, unknown>, RegExp]> = [
      [
        "a User Login connection",
        () => ({ ...params(), connection: loginConnection(emu) }),
        /^Connection: The Pro Pipe Lines Events trigger needs the account.s API key itself.*choose an API Key connection/,
      ],
      [
        "an API key acting as a user",
        () => ({ ...params(), connection: apiKeyConnection(emu, { actAsUser: "514" }) }),
        /Act as User/,
      ],
      ["the step event without a step", () => ({ ...params(), step: "" }), /^Step: is required/],
      [
        "a step without the step event",
        () => ({ ...params(), events: ["lead.creation"] }),
        /^Step: is only used/,
      ],
      ["no event", () => ({ ...params(), events: [], step: "" }), /^Events: is required/],
    ];
    it.each(cases)("%s", async (_, make, message) => {
      await expect(deploy(url, make())).rejects.toThrow(message);
      expectSent(emu, []);
    });
  });

  it("delete refuses a User Login connection before any request", async () => {
    await expect(remove(url, { ...params(), connection: loginConnection(emu) })).rejects.toThrow(
      /^Connection: The Pro Pipe Lines Events trigger needs the account.s API key itself.*choose an API Key connection/,
    );
    expectSent(emu, []);
  });
});

// ---------------------------------------------------------------------------------------------
// Deliveries

const lead = { id: 8113, title: "Loretta Inc.", status: "won", step: "Incoming" };

/** An event about `lead`, signed with `key`. */
const signed = (id: number, event: string, key = DEFAULT_API_KEY) =>
  signedEvent(id, event, lead, key);

async function receive(body: unknown, context: Record<string, unknown> = {}) {
  return harness.trigger(
    TRIGGER,
    delivery(body) as never,
    { connection: apiKeyConnection(emu), events: ["lead.creation"] },
    context,
  );
}

const refusal = (body: unknown) => errorOf(receive(body), "The delivery");

describe("Pro Pipe Lines Events: deliveries", () => {
  it("a signed, wrapped delivery passes with its branch and no request", async () => {
    const result = (await receive({
      webhook_event: signed(4101, "lead.status.changed.to.won"),
    })) as {
      branch: string;
      payload: { body: { data: unknown } };
      response: { statusCode: number };
    };
    expect(result.branch).toBe("Lead Won");
    expect(result.payload.body.data).toEqual({
      id: 4101,
      event: "lead.status.changed.to.won",
      data: lead,
    });
    expect(result.response.statusCode).toBe(200);
    expectSent(emu, []);
  });

  it("a signed bare event passes too", async () => {
    const result = (await receive(signed(4102, "lead.creation"))) as { branch: string };
    expect(result.branch).toBe("Lead Created");
    expectSent(emu, []);
  });

  it("a signature over the data object's id (the document's wording) is accepted", async () => {
    const event = {
      id: 4103,
      event: "lead.commented",
      signature: signEvent(8113, DEFAULT_API_KEY),
      data: lead,
    };
    const result = (await receive({ webhook_event: event })) as { branch: string };
    expect(result.branch).toBe("Lead Commented");
    expectSent(emu, []);
  });

  it.each([
    ["lead.step.changed.to.Sales funnel.Closing", "Lead Moved To Step"],
    ["lead.step.changed", "Lead Step Changed"],
    ["lead.unassigned", "Lead Unassigned"],
    ["prospect.created", "Prospect Created"],
    ["task.status.changed.to.done", "Task Done"],
    ["lead.something.new", "Other"],
  ])("%s takes the branch %s", async (event, branch) => {
    const result = (await receive({ webhook_event: signed(4104, event) })) as { branch: string };
    expect(result.branch).toBe(branch);
  });

  describe("refused (thrown, so no step runs), with no request", () => {
    const forged = signed(4201, "lead.status.changed.to.won", "not-the-account-key");
    const tampered = { ...signed(4202, "lead.creation"), id: 4203 };
    const cases: Array<[string, unknown, RegExp]> = [
      ["forged: signed with another key", { webhook_event: forged }, /does not match/],
      [
        "unsigned",
        { webhook_event: { id: 4204, event: "lead.creation", data: lead } },
        /has no signature/,
      ],
      ["tampered: event id changed after signing", { webhook_event: tampered }, /does not match/],
      ["tampered, bare", { ...signed(4205, "lead.deleted"), id: 4206 }, /does not match/],
      [
        "a signature that is not SHA1 hex",
        { webhook_event: { ...signed(4207, "lead.creation"), signature: "x".repeat(40) } },
        /not a SHA1 signature/,
      ],
      ["not an event at all", { hello: "world" }, /does not carry a Pro Pipe Lines webhook event/],
    ];
    it.each(cases)("%s", async (_, body, message) => {
      const error = await refusal(body);
      expect(error.name).toBe("InputError");
      expect(error.message).toMatch(/^Webhook delivery: /);
      expect(error.message).toMatch(message);
      expect(serialize(error)).not.toContain(DEFAULT_API_KEY);
      expectSent(emu, []);
    });

    it("a body that is not JSON", async () => {
      const error = await harness
        .trigger(
          TRIGGER,
          { rawBody: { data: Buffer.from("<xml/>") }, body: { data: "<xml/>" } } as never,
          { connection: apiKeyConnection(emu), events: ["lead.creation"] },
        )
        .catch((e: Error) => e);
      expect((error as Error).message).toMatch(/^Webhook delivery: the request body is not JSON/);
    });

    it("a User Login connection cannot verify: refused, naming the fix", async () => {
      const error = await harness
        .trigger(TRIGGER, delivery({ webhook_event: signed(4208, "lead.creation") }) as never, {
          connection: loginConnection(emu),
          events: ["lead.creation"],
        })
        .catch((e: Error) => e);
      expect((error as Error).message).toMatch(
        /^Connection: The Pro Pipe Lines Events trigger needs the account.s API key itself.*choose an API Key connection/,
      );
      expectSent(emu, []);
    });
  });

  it("the designer's simulated runs skip the check", async () => {
    const result = (await receive(
      { webhook_event: signed(4301, "lead.status.changed.to.won", "not-the-account-key") },
      { isSimulatedTestExecution: true },
    )) as { branch: string };
    expect(result.branch).toBe("Lead Won");
  });
});

// ---------------------------------------------------------------------------------------------
// End to end: deploy, a lead event in the emulator, a real delivery, the trigger

describe("end to end: emulator → local listener → trigger", () => {
  let sink: Sink;
  let url = "";

  beforeAll(async () => {
    sink = await startSink();
    url = sink.url;
  });

  afterAll(async () => {
    await sink.stop();
  });

  beforeEach(() => {
    sink.received.length = 0;
  });

  /** What Prismatic does with a request to the flow's URL: hands it to the trigger. */
  async function runTrigger(got: Received) {
    const { headers } = got;
    return (await harness.trigger(
      TRIGGER,
      {
        headers,
        rawBody: { data: got.body, contentType: headers["content-type"] },
        body: { data: JSON.parse(got.body.toString("utf8")), contentType: headers["content-type"] },
      } as never,
      { connection: apiKeyConnection(emu), events: ["lead.creation", "lead.unassigned"] },
    )) as {
      branch: string;
      payload: { body: { data: { event: string; data: { title: string } } } };
    };
  }

  const params = () => ({
    connection: apiKeyConnection(emu),
    events: ["lead.creation", "lead.unassigned", "lead.status.changed.to.won"],
    step: "",
  });

  it("Create Lead through the action: delivered, verified and branched, no request per delivery", async () => {
    await deploy(url, params());
    await run("createLead", { title: "Delivered Inc.", description: "Met at the fair." });
    const got = await sink.waitFor(2);
    emu.clearLog();
    const results = await Promise.all(got.map(runTrigger));
    expect(results.map((r) => r.branch).sort()).toEqual(["Lead Created", "Lead Unassigned"]);
    for (const result of results) {
      expect(result.payload.body.data.data.title).toBe("Delivered Inc.");
    }
    expectSent(emu, []);

    // The wire format: wrapped, signed with the key of the creating request.
    const sent = JSON.parse(got[0]?.body.toString("utf8") ?? "{}").webhook_event;
    expect(Object.keys(sent).sort()).toEqual(["data", "event", "id", "signature"]);
    expect(sent.signature).toBe(signEvent(sent.id, DEFAULT_API_KEY));
    // And the history records them.
    expect(webhookEventsOf(emu).get(sent.id)).toMatchObject({
      event: sent.event,
      has_succeeded: true,
      last_returned_code: 200,
    });
    await remove(url, params());
  });

  it("a lead moved to the picked step: lead.step.changed.to.Sales funnel.Closing, branch Lead Moved To Step", async () => {
    const stepParams = {
      connection: apiKeyConnection(emu),
      events: ["lead.step.changed.to.PIPE.NAME_OF_YOUR_STEP"],
      step: "1191",
    };
    await deploy(url, stepParams);
    await run("updateLead", { leadId: "8112", stepId: "1191" });
    const [got] = await sink.waitFor(1);
    const result = await runTrigger(got as Received);
    expect(result.payload.body.data.event).toBe("lead.step.changed.to.Sales funnel.Closing");
    expect(result.branch).toBe("Lead Moved To Step");
    await remove(url, stepParams);
  });

  it("events emitted by the emulator: derived names (won) reach the listener", async () => {
    await deploy(url, params());
    const created = emu.store.addLead({ title: "Won Co", status: "won", user_id: 514 });
    emu.events.emit("event", "lead.status.changed", emu.store.leadJson(created));
    const [got] = await sink.waitFor(1);
    const result = await runTrigger(got as Received);
    expect(result.branch).toBe("Lead Won");
    expect(result.payload.body.data.event).toBe("lead.status.changed.to.won");

    // A delivery tampered on the way is refused.
    const wire = JSON.parse((got as Received).body.toString("utf8"));
    wire.webhook_event.id += 1;
    await expect(
      runTrigger({ ...(got as Received), body: Buffer.from(JSON.stringify(wire)) }),
    ).rejects.toThrow(/does not match/);

    await remove(url, params());
    sink.received.length = 0;
    emu.events.emit("event", "lead.creation", emu.store.leadJson(created));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.received).toHaveLength(0);
  });
});
