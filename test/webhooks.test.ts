/**
 * Webhooks through the harness on the built component, against the emulator: the webhook
 * actions, and the "Pro Pipe Lines Events" trigger's deploy/delete lifecycle — one subscription
 * per event after any number of deploys (racing ones too), disabled ones re-activated, and an
 * unreadable webhook list failing deploy and delete before any change. Deliveries:
 * webhooks.deliveries.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useFastTransport } from "./bundle";
import { signEvent, type WebhookRow, webhooksOf } from "./emulator/resources/webhooks";
import { DEFAULT_API_KEY } from "./emulator/server";
import {
  actionError,
  actionRunner,
  apiKeyConnection,
  errorOf,
  errorRunner,
  expectSent,
  harness,
  loginConnection,
  useEmulator,
} from "./helpers";
import { LIVE_EVENTS } from "./liveEvents";
import { deploy, remove, startListProxy } from "./webhooks.support";

const emu = useEmulator();

const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

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

  it("Activate Webhook: PUT /webhooks/{id}/activate re-enables a disabled webhook", async () => {
    expect(webhooksOf(emu).get(62)?.is_disabled).toBe(true);
    const result = await run("activateWebhook", { webhookId: "62" });
    expectSent(emu, [
      {
        method: "PUT",
        path: "/webhooks/62/activate",
        query: {},
        body: undefined,
        headers: { "x-api-key": DEFAULT_API_KEY },
        status: 200,
      },
    ]);
    expect(result?.data).toMatchObject({ id: 62, is_disabled: false });
    expect(webhooksOf(emu).get(62)?.is_disabled).toBe(false);
    webhooksOf(emu).set(62, { ...(webhooksOf(emu).get(62) as WebhookRow), is_disabled: true });
  });

  it("Activate Webhook: an unknown id is the API's 404", async () => {
    const error = await errorFrom("activateWebhook", { webhookId: "999999" });
    expect(error).toMatchObject({ name: "ApiError", status: 404 });
    expectSent(emu, [{ method: "PUT", path: "/webhooks/999999/activate", status: 404 }]);
  });

  it.each(LIVE_EVENTS)("Create Webhook accepts the live event %s", async (event) => {
    const target = `https://hooks.example.com/live/${event}`;
    const result = await run("createWebhook", { event, target });
    expectSent(emu, [
      {
        method: "POST",
        path: "/webhooks",
        body: { event, target_type: "url", target },
        status: 201,
      },
    ]);
    expect(result?.data).toMatchObject({ event, target });
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

/** The ids of the subscriptions that deliver to `url`, in the account's order. */
const subscriptionIds = (url: string) =>
  [...webhooksOf(emu).values()].filter((w) => w.target === url).map((w) => w.id);

/** event → how many subscriptions deliver it to `url` (and how many of them are disabled). */
function subscriptionsTo(url: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const hook of webhooksOf(emu).values()) {
    if (hook.target === url && hook.target_type === "url") {
      const key = hook.is_disabled ? `${hook.event} (disabled)` : hook.event;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

const listing = { method: "GET", path: "/webhooks" };
const unsubscribe = (id: number) => ({ method: "DELETE", path: `/webhooks/${id}` });
const activation = (id: number) => ({ method: "PUT", path: `/webhooks/${id}/activate` });

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

  it("a redeploy with other events: dropped ones and a duplicate deleted, a disabled one re-activated, new ones created", async () => {
    const other = `${url}-changes`;
    await deploy(other, { ...params(), events: ["lead.creation", "lead.deleted"], step: "" });
    const rows = [...webhooksOf(emu).values()].filter((w) => w.target === other);
    const deleted = rows.find((w) => w.event === "lead.deleted") as WebhookRow;
    emu.disableWebhook(deleted.id);
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
    expectSent(emu, [
      listing,
      unsubscribe(duplicate),
      activation(deleted.id),
      subscribe("lead.commented", other),
    ]);
    expect(webhooksOf(emu).get(deleted.id)?.is_disabled).toBe(false);

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

  it("a redeploy re-activates the subscriptions the API disabled after failed deliveries", async () => {
    const hooked = `${url}-failing`;
    const events = { ...params(), events: ["lead.creation", "lead.deleted"], step: "" };
    await deploy(hooked, events);
    const ids = subscriptionIds(hooked);
    for (const id of ids) emu.disableWebhook(id);
    expect(subscriptionsTo(hooked)).toEqual({
      "lead.creation (disabled)": 1,
      "lead.deleted (disabled)": 1,
    });

    emu.clearLog();
    await deploy(hooked, events);
    expectSent(emu, [listing, ...ids.map(activation)]);
    expect(subscriptionsTo(hooked)).toEqual({ "lead.creation": 1, "lead.deleted": 1 });
    expect(subscriptionIds(hooked)).toEqual(ids); // the same subscriptions, not new ones
    await remove(hooked, events);
  });

  it("a 409 'already exists' from a stale list counts as success, and the existing one is made active", async () => {
    const stale = `${url}-stale`;
    await deploy(stale, { ...params(), events: ["lead.creation"], step: "" });
    const [id] = subscriptionIds(stale) as [number];
    emu.disableWebhook(id);
    const original = emu.router.match("GET", "/webhooks");
    if (!original || original === "wrong-method") throw new Error("no GET /webhooks route");
    let hide = true;
    emu.router.on("GET", "/webhooks", (ctx) => (hide ? { body: [] } : original.handler(ctx)));
    try {
      emu.clearLog();
      await deploy(stale, { ...params(), events: ["lead.creation"], step: "" });
      expectSent(emu, [
        listing,
        { ...subscribe("lead.creation", stale), status: 409 },
        { ...activation(id), status: 200 },
      ]);
      expect(subscriptionsTo(stale)).toEqual({ "lead.creation": 1 });
    } finally {
      hide = false;
    }
    await remove(stale, params());
    expect(subscriptionsTo(stale)).toEqual({});
  });

  it("deploys racing each other converge to one subscription per event", async () => {
    const raced = `${url}-race`;
    const events = {
      ...params(),
      events: ["lead.creation", "lead.status.changed.to.won", "lead.any_update"],
      step: "",
    };
    await Promise.all([deploy(raced, events), deploy(raced, events), deploy(raced, events)]);
    expect(subscriptionsTo(raced)).toEqual({
      "lead.creation": 1,
      "lead.status.changed.to.won": 1,
      "lead.any_update": 1,
    });
    // One list per deploy, one creation (201) per event, and for each 409 "exists" of a losing
    // deploy one activation of the winner's subscription. Racing deploys interleave, so the
    // log is compared in a fixed order (kind, status, event), and how many 409s each event
    // got is read from it (at most one per losing deploy).
    const hooks = [...webhooksOf(emu).values()].filter((w) => w.target === raced);
    const kind = (r: { method: string; path: string; status?: number; body?: unknown }) =>
      `${r.method} ${r.path} ${r.status} ${(r.body as { event?: string } | undefined)?.event}`;
    const byKind = (a: Parameters<typeof kind>[0], b: Parameters<typeof kind>[0]) =>
      kind(a).localeCompare(kind(b));
    const expected = [
      ...Array.from({ length: 3 }, () => ({ ...listing, status: 200 })),
      ...events.events.flatMap((event) => {
        const conflicts = emu.log.filter(
          (r) => r.status === 409 && (r.body as { event?: string }).event === event,
        ).length;
        expect(conflicts, event).toBeLessThanOrEqual(2);
        const id = hooks.find((w) => w.event === event)?.id ?? -1;
        return [
          { ...subscribe(event, raced), status: 201 },
          ...Array.from({ length: conflicts }, () => ({ ...subscribe(event, raced), status: 409 })),
          ...Array.from({ length: conflicts }, () => ({ ...activation(id), status: 200 })),
        ];
      }),
    ];
    expectSent({ log: [...emu.log].sort(byKind) }, expected.sort(byKind));
    await remove(raced, events);
    expect(subscriptionsTo(raced)).toEqual({});
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

describe("Pro Pipe Lines Events: a webhook list that cannot be read", () => {
  useFastTransport();
  let proxy: Awaited<ReturnType<typeof startListProxy>>;
  beforeAll(async () => {
    proxy = await startListProxy(emu);
  });
  afterAll(async () => {
    await proxy.stop();
  });
  beforeEach(() => {
    proxy.mode = "ok";
  });

  const url = "https://hooks.prismatic.io/trigger/flow-1-unreadable";
  const params = () => ({
    connection: apiKeyConnection(proxy),
    events: ["lead.creation", "lead.deleted"],
    step: "",
  });

  /** The list read `reads` times (an unreadable answer may be retried), and nothing else. */
  const onlyListings = (reads: number) =>
    expectSent(
      emu,
      Array.from({ length: reads }, () => listing),
    );

  it.each([
    // How many reads: an HTML page or partial JSON is retried 3 times, a list of other things not.
    ["an HTML page", "html", /an HTML page \("We'll be back soon"\)/, 4],
    ["partial JSON", "partial", /incomplete or malformed JSON/, 4],
    ["a list of things that are not webhooks", "notWebhooks", /items that are not webhooks/, 1],
  ] as const)(
    "%s: deploy and redeploy fail before any change, never a duplicate",
    async (_, mode, said, reads) => {
      await deploy(url, params());
      expect(subscriptionsTo(url)).toEqual({ "lead.creation": 1, "lead.deleted": 1 });

      proxy.mode = mode;
      emu.clearLog();
      const error = await errorOf(
        deploy(url, { ...params(), events: ["lead.creation", "lead.commented"] }),
      );
      expect(error.name).toBe("ApiError");
      expect(error.message).toMatch(
        /^Pro Pipe Lines returned an unreadable answer on GET \/webhooks/,
      );
      expect(error.message).toMatch(said);
      expect(error.message).toMatch(/Nothing was created or deleted/);
      onlyListings(reads);
      expect(subscriptionsTo(url)).toEqual({ "lead.creation": 1, "lead.deleted": 1 });

      proxy.mode = "ok";
      await deploy(url, params());
      expect(subscriptionsTo(url)).toEqual({ "lead.creation": 1, "lead.deleted": 1 });
      await remove(url, params());
    },
  );

  it("delete fails with a clear error and deletes nothing; once the list reads again, it leaves no orphan", async () => {
    await deploy(url, params());
    proxy.mode = "html";
    emu.clearLog();
    const error = await errorOf(remove(url, params()));
    expect(error.message).toMatch(
      /unreadable answer on GET \/webhooks.*Nothing was created or deleted/,
    );
    onlyListings(4);
    expect(subscriptionsTo(url)).toEqual({ "lead.creation": 1, "lead.deleted": 1 });

    proxy.mode = "ok";
    await remove(url, params());
    expect(subscriptionsTo(url)).toEqual({});
  });
});
