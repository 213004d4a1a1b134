/**
 * "Pro Pipe Lines Events" deliveries through the harness on the built component: signatures
 * over the event id only, from every body form Prismatic hands over; each event run once (the
 * ids kept in the state the trigger returns, across processes), a replayed id with other
 * content refused; events not subscribed to ignored; every event on its own branch with an
 * example; contacts on lead data; the new comment attached; and end to end, from the emulator's
 * real deliveries and retries to a local listener.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EVENT_NAMES, WEBHOOK_EVENTS } from "../src/webhookEvents";
import { useFastTransport } from "./bundle";
import { signEvent, webhookEventsOf } from "./emulator/resources/webhooks";
import { DEFAULT_API_KEY } from "./emulator/server";
import { type Received, type Sink, startSink } from "./emulator/sink";
import {
  actionRunner,
  apiKeyConnection,
  component,
  delivery,
  expectSent,
  harness,
  loginConnection,
  serialize,
  signedEvent,
  useEmulator,
} from "./helpers";
import { deploy, Flow, type Run, remove, TRIGGER } from "./webhooks.support";

const emu = useEmulator();
const run = actionRunner(emu);
useFastTransport();

const lead = {
  id: 8113,
  title: "Loretta Inc.",
  status: "Won",
  step: "Closing",
  step_id: 1191,
  text_description: "Firstname: Natalia\nEmail: natalia@example.com",
  fields: { first_name: "Natalia", email: "natalia@example.com" },
  extended_info: { fields_by_name: { Firstname: "Natalia", Email: "natalia@example.com" } },
};

let nextId = 5000;
/** A new event about `lead`, signed with `key`. */
const signed = (event: string, data: unknown = lead, key = DEFAULT_API_KEY) =>
  signedEvent(nextId++, event, data, key);

const ALL_EVENTS = { events: EVENT_NAMES.filter((e) => !e.includes("PIPE")) };

/** A flow subscribed to every event but the step template (or to `events`). */
const flow = (params: Record<string, unknown> = ALL_EVENTS) => new Flow(emu, params);

const dataOf = (r: Run) => r.payload.body.data;

describe("signatures and body forms", () => {
  it("a signed, wrapped delivery: its branch, the event, lead data with contacts, 200, no request", async () => {
    const event = signed("lead.status.changed.to.won");
    const result = await flow().deliver({ webhook_event: event });
    expect(result.branch).toBe("Lead Won");
    expect(dataOf(result)).toEqual({
      id: event.id,
      event: "lead.status.changed.to.won",
      data: {
        ...lead,
        contactFields: { Firstname: "Natalia", Email: "natalia@example.com" },
        contact: expect.objectContaining({ firstName: "Natalia", email: "natalia@example.com" }),
      },
    });
    expect(result.response?.statusCode).toBe(200);
    // The signature is not passed on to the flow.
    expect(JSON.stringify(result.payload)).not.toContain(event.signature);
    expectSent(emu, []);
  });

  it("a signed bare event passes too", async () => {
    expect((await flow().deliver(signed("lead.creation"))).branch).toBe("Lead Created");
  });

  describe("verified from whatever body form Prismatic hands over", () => {
    const text = () => JSON.stringify({ webhook_event: signed("lead.deleted") });
    const forms: Array<[string, () => unknown]> = [
      ["raw bytes and the parsed body", () => ({ rawBody: { data: Buffer.from(text()) } })],
      ["raw bytes only", () => ({ rawBody: { data: Buffer.from(text()) }, body: undefined })],
      ["raw text", () => ({ rawBody: { data: text() } })],
      [
        "a parsed object, no raw body",
        () => ({ rawBody: undefined, body: { data: JSON.parse(text()) } }),
      ],
      [
        "JSON text in body.data, no raw body",
        () => ({ rawBody: undefined, body: { data: text() } }),
      ],
      // The harness's default raw body is an unrelated object: the event is read from body.data.
      ["JSON text in body.data beside another raw body", () => ({ body: { data: text() } })],
    ];
    it.each(forms)("%s", async (_, form) => {
      const result = await flow().receive(form());
      expect(result.branch).toBe("Lead Deleted");
      expect(dataOf(result).data).toMatchObject({ id: 8113, contact: expect.any(Object) });
    });
  });

  describe("refused (thrown, so no step runs), with no request", () => {
    const cases: Array<[string, () => unknown, RegExp]> = [
      [
        "forged: signed with another key",
        () => ({ webhook_event: signed("lead.status.changed.to.won", lead, "not-the-key") }),
        /does not match/,
      ],
      [
        "unsigned",
        () => ({ webhook_event: { id: nextId++, event: "lead.creation", data: lead } }),
        /has no signature/,
      ],
      [
        "tampered: event id changed after signing",
        () => ({ webhook_event: { ...signed("lead.creation"), id: nextId++ } }),
        /does not match/,
      ],
      [
        "a signature over the data object's id (only the event id counts)",
        () => ({
          webhook_event: {
            id: nextId++,
            event: "lead.commented",
            signature: signEvent(8113, DEFAULT_API_KEY),
            data: lead,
          },
        }),
        /does not match/,
      ],
      [
        "a signature that is not SHA1 hex",
        () => ({ webhook_event: { ...signed("lead.creation"), signature: "x".repeat(40) } }),
        /not a SHA1 signature/,
      ],
      [
        "not an event at all",
        () => ({ hello: "world" }),
        /does not carry a Pro Pipe Lines webhook event/,
      ],
    ];
    it.each(cases)("%s", async (_, body, message) => {
      const error = await flow()
        .deliver(body())
        .then(
          () => undefined,
          (e: Error) => e,
        );
      expect(error?.name).toBe("InputError");
      expect(error?.message).toMatch(/^Webhook delivery: /);
      expect(error?.message).toMatch(message);
      expect(serialize(error)).not.toContain(DEFAULT_API_KEY);
      expectSent(emu, []);
    });

    it("a body that is not JSON", async () => {
      const error = await flow()
        .receive({ rawBody: { data: Buffer.from("<xml/>") }, body: { data: "<xml/>" } })
        .catch((e: Error) => e);
      expect((error as Error).message).toMatch(/^Webhook delivery: the request body is not JSON/);
    });

    it("a User Login connection cannot verify: refused, naming the fix", async () => {
      const error = await new Flow(emu, { ...ALL_EVENTS, connection: loginConnection(emu) })
        .deliver({ webhook_event: signed("lead.creation") })
        .catch((e: Error) => e);
      expect((error as Error).message).toMatch(
        /^Connection: The Pro Pipe Lines Events trigger needs the account.s API key itself.*choose an API Key connection/,
      );
      expectSent(emu, []);
    });
  });
});

describe("each event once", () => {
  it("the same signed event delivered 3 times runs the flow once; the repeats are answered 200 on Ignored", async () => {
    const f = flow();
    const event = { webhook_event: signed("lead.status.changed.to.won") };
    const results = [await f.deliver(event), await f.deliver(event), await f.deliver(event)];
    expect(results.map((r) => r.branch)).toEqual(["Lead Won", "Ignored", "Ignored"]);
    for (const r of results) expect(r.response?.statusCode).toBe(200);
    expect(dataOf(results[1] as Run)).toEqual({
      id: event.webhook_event.id,
      event: "lead.status.changed.to.won",
      ignored: {
        reason: "duplicate",
        message: expect.stringMatching(/already delivered to this flow: the API sent it again/),
      },
    });
    expectSent(emu, []);
  });

  it("the delivered ids hold across processes (the state the trigger returns, not memory)", async () => {
    const f = flow();
    const event = { webhook_event: signed("lead.any_update") };
    expect((await f.deliver(event, { fresh: true })).branch).toBe("Lead Changed");
    expect((await f.deliver(event, { fresh: true })).branch).toBe("Ignored");
    // Another flow (its own instance state) runs it: its own subscription, its own events.
    expect((await flow().deliver(event)).branch).toBe("Lead Changed");
  });

  it("also when the platform hands the same instance state record to each execution", async () => {
    const context = { instanceState: {} as Record<string, unknown> };
    const event = delivery({ webhook_event: signed("lead.creation") });
    const params = { connection: apiKeyConnection(emu), events: ["lead.creation"] };
    const branches = [];
    for (let i = 0; i < 3; i++) {
      const result = (await harness.trigger(
        TRIGGER,
        event as never,
        params,
        context,
      )) as unknown as Run;
      branches.push(result.branch);
    }
    expect(branches).toEqual(["Lead Created", "Ignored", "Ignored"]);
  });

  it.each([
    [
      "other data",
      (e: ReturnType<typeof signed>) => ({ ...e, data: { ...lead, title: "Changed" } }),
    ],
    ["another event", (e: ReturnType<typeof signed>) => ({ ...e, event: "lead.deleted" })],
  ])("a replayed id with %s is refused, and the original stays delivered", async (_, tamper) => {
    const f = flow();
    const event = signed("lead.status.changed.to.won");
    await f.deliver({ webhook_event: event });
    const error = await f.deliver({ webhook_event: tamper(event) }).catch((e: Error) => e);
    expect((error as Error).name).toBe("InputError");
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Webhook delivery: event id ${event.id} was already delivered with other content`,
      ),
    );
    expect((await f.deliver({ webhook_event: event })).branch).toBe("Ignored");
  });

  it("keeps the newest 1000 ids, in about 20 KB", async () => {
    const f = flow();
    const first = signed("lead.creation");
    await f.deliver({ webhook_event: first });
    for (let i = 0; i < 1000; i++) await f.deliver({ webhook_event: signed("lead.creation") });
    const bytes = Buffer.byteLength(JSON.stringify(f.state));
    expect(bytes).toBeLessThan(25_000);
    // The oldest id was forgotten to stay within the bound: the 1000 newest are still known.
    expect((await f.deliver({ webhook_event: first })).branch).toBe("Lead Created");
  });

  it("a state that cannot be read: a warning, and the flow starts afresh", async () => {
    const f = flow();
    f.state = { proPipeLinesEvents: { ids: "garbage without pairs" } };
    const result = await f.deliver({ webhook_event: signed("lead.creation") });
    expect(result.branch).toBe("Lead Created");
    expect(f.warnings).toEqual([expect.stringMatching(/could not be read; starting afresh/)]);
  });
});

describe("subscribed events only", () => {
  it("an event the trigger did not subscribe to: 200, the Ignored branch with the reason, nothing remembered", async () => {
    const f = flow({ events: ["lead.creation"] });
    const result = await f.deliver({ webhook_event: signed("lead.deleted") });
    expect(result.branch).toBe("Ignored");
    expect(result.response?.statusCode).toBe(200);
    expect(dataOf(result).ignored).toEqual({
      reason: "notSubscribed",
      message:
        'Not subscribed: "lead.deleted" is not one of the events this trigger subscribed to.',
    });
    expect(f.state).toEqual({});
  });

  it("the step event: the chosen step takes its branch, another step is ignored", async () => {
    const f = flow({ events: ["lead.step.changed.to.PIPE.NAME_OF_YOUR_STEP"], step: "1191" });
    const closing = await f.deliver({
      webhook_event: signed("lead.step.changed.to.Sales funnel.Closing"),
    });
    expect(closing.branch).toBe("Lead Moved To Step");
    const other = await f.deliver({
      webhook_event: signed("lead.step.changed.to.Sales funnel.In-touch", {
        ...lead,
        step_id: 1190,
      }),
    });
    expect(other.branch).toBe("Ignored");
    expect(dataOf(other).ignored).toMatchObject({
      message: expect.stringMatching(/moved to step 1190, not to step 1191/),
    });
  });
});

describe("every event on its own branch, with an example in the live delivery shape", () => {
  const examples = component.triggers[TRIGGER] as unknown as {
    examplePayload: { branch: string; payload: { body: { data: { data: unknown } } } };
    staticBranchNames: string[];
  };

  it("branches: one per event, Ignored, and Other (kept for earlier flows)", () => {
    const perEvent = EVENT_NAMES.map((e) => WEBHOOK_EVENTS[e].branch);
    expect(new Set(perEvent).size).toBe(EVENT_NAMES.length);
    expect(examples.staticBranchNames).toEqual([...perEvent, "Ignored", "Other"]);
  });

  it.each(EVENT_NAMES.filter((e) => !e.includes("PIPE")))(
    "%s reaches its branch",
    async (event) => {
      const result = await flow({ events: [event] }).deliver({ webhook_event: signed(event) });
      expect(result.branch).toBe(WEBHOOK_EVENTS[event].branch);
    },
  );

  /** A run in the designer (sample data, no real delivery): the chosen event's example. */
  const designerRun = async (params: Record<string, unknown>) =>
    (await harness.trigger(
      TRIGGER,
      { body: { data: "{}" } } as never,
      { connection: apiKeyConnection(emu), ...params },
      { isSimulatedTestExecution: true } as never,
    )) as unknown as Run;

  it.each(EVENT_NAMES)(
    "%s: the designer's test run shows its example on its branch",
    async (event) => {
      const step = event.includes("PIPE");
      const simulated = await designerRun(
        step ? { events: [event], step: "1191" } : { events: [event] },
      );
      expect(simulated.branch).toBe(WEBHOOK_EVENTS[event].branch);
      const example = dataOf(simulated);
      expect(example.event).toBe(step ? "lead.step.changed.to.Sales funnel.Closing" : event);
      if (event.startsWith("lead.")) {
        const data = example.data as Record<string, unknown>;
        expect(data).toMatchObject({ client: expect.any(Object), fields: expect.any(Object) });
        expect(data).toHaveProperty("permalink");
        expect(data).toHaveProperty("extended_info.fields_by_name");
        expect(data).not.toHaveProperty("client_folder");
        expect(data).toHaveProperty("contact");
        expect(data).toHaveProperty("contactFields");
      }
      if (event === "lead.commented") expect(example.comment).toMatchObject({ id: 13841 });
    },
  );

  it("the step events carry the step, with its pipeline", async () => {
    for (const event of ["account.step.created", "account.step.updated", "account.step.deleted"]) {
      const simulated = await designerRun({ events: [event] });
      expect(dataOf(simulated).data).toMatchObject({
        id: expect.any(Number),
        name: expect.any(String),
        position: expect.any(Number),
        pipeline_id: expect.any(Number),
        pipeline: { id: expect.any(Number), name: expect.any(String) },
      });
    }
  });

  it("the trigger's example payload: lead 8113 won, with contacts", () => {
    expect(examples.examplePayload.branch).toBe("Lead Won");
    expect(examples.examplePayload.payload.body.data.data).toMatchObject({
      id: 8113,
      status: "Won",
      contact: expect.objectContaining({ firstName: "Natalia" }),
    });
  });
});

describe("Attach the New Comment", () => {
  const commented = flow({ events: ["lead.commented"], attachComment: "true" });

  it("from the delivery's own comments: the newest, no request", async () => {
    const data = {
      ...lead,
      comment_count: 2,
      comments: [
        { id: 10, content: "First", created_at: "2026-02-01T08:00:00.000Z" },
        { id: 12, content: "The new one", created_at: "2026-02-01T09:00:00.000Z" },
      ],
    };
    const result = await commented.deliver({ webhook_event: signed("lead.commented", data) });
    expect(dataOf(result).comment).toMatchObject({ id: 12, content: "The new one" });
    expectSent(emu, []);
  });

  it("a delivery without comments: one request, and a comment written since is not taken for it", async () => {
    await run("createLeadComment", { leadId: "8112", content: "The commented one" });
    const count = (await run("listLeadComments", { leadId: "8112" }))?.data as unknown[];
    await run("createLeadComment", { leadId: "8112", content: "Written a second later" });
    emu.clearLog();
    const data = { ...lead, id: 8112, comment_count: count.length, comments: undefined };
    const result = await commented.deliver({ webhook_event: signed("lead.commented", data) });
    expectSent(emu, [{ method: "GET", path: "/leads/8112/comments", query: {} }]);
    expect(dataOf(result).comment).toMatchObject({ content: "The commented one" });
  });

  it("a comment that cannot be read fails the delivery unremembered: the API's retry runs the flow", async () => {
    const f = flow({ events: ["lead.commented"], attachComment: "true" });
    const event = { webhook_event: signed("lead.commented", { ...lead, comments: undefined }) };
    emu.failNext(4); // the first try and its 3 retries
    await expect(f.deliver(event)).rejects.toThrow(/answered 500 on GET \/leads\/8113\/comments/);
    expect(f.state).toEqual({});
    const retried = await f.deliver(event);
    expect(retried.branch).toBe("Lead Commented");
    expect(dataOf(retried).comment).toMatchObject({ id: expect.any(Number) });
  });

  it("off: no comment, no request", async () => {
    const result = await flow({ events: ["lead.commented"] }).deliver({
      webhook_event: signed("lead.commented", { ...lead, comments: undefined }),
    });
    expect(dataOf(result)).not.toHaveProperty("comment");
    expectSent(emu, []);
  });
});

// ---------------------------------------------------------------------------------------------
// End to end: deploy, an event in the emulator, real deliveries and retries, the trigger

describe("end to end: emulator → local listener → trigger", () => {
  let sink: Sink;

  beforeAll(async () => {
    sink = await startSink();
  });
  afterAll(async () => {
    await sink.stop();
  });
  beforeEach(() => {
    sink.received.length = 0;
    sink.status = 200;
  });

  /** What Prismatic does with a request to the flow's URL: hands it to the trigger. */
  const handOver = (f: Flow, got: Received) =>
    f.receive({
      headers: got.headers,
      rawBody: { data: got.body, contentType: got.headers["content-type"] },
      body: {
        data: JSON.parse(got.body.toString("utf8")),
        contentType: got.headers["content-type"],
      },
    });

  const params = (events: string[]) => ({ connection: apiKeyConnection(emu), events, step: "" });

  it("Create Lead: delivered, verified and branched, no request per delivery", async () => {
    const events = ["lead.creation", "lead.unassigned", "lead.status.changed.to.won"];
    const f = flow({ events });
    await deploy(sink.url, params(events));
    await run("createLead", { title: "Delivered Inc.", description: "Email: ada@example.com" });
    const got = await sink.waitFor(2);
    emu.clearLog();
    const results = [];
    for (const g of got) results.push(await handOver(f, g));
    expect(results.map((r) => r.branch).sort()).toEqual(["Lead Created", "Lead Unassigned"]);
    for (const r of results) {
      expect(dataOf(r).data).toMatchObject({
        title: "Delivered Inc.",
        contact: expect.objectContaining({ email: "ada@example.com" }),
      });
    }
    expectSent(emu, []);
    const sent = JSON.parse(got[0]?.body.toString("utf8") ?? "{}").webhook_event;
    expect(sent.signature).toBe(signEvent(sent.id, DEFAULT_API_KEY));
    await remove(sink.url, params(events));
  });

  it("a delivery the API retries (same id, 3 times) runs the flow once", async () => {
    const events = ["lead.status.changed.to.won"];
    const f = flow({ events });
    await deploy(sink.url, params(events));
    sink.status = 500; // Prismatic did not answer in time: the API tries again
    const won = emu.store.addLead({ title: "Won Co", status: "won", user_id: 514 });
    emu.events.emit("event", "lead.status.changed", emu.store.leadJson(won));
    await emu.idle();
    await emu.retryDeliveries();
    sink.status = 200;
    await emu.retryDeliveries();
    expect(sink.received).toHaveLength(3);
    const ids = sink.received.map((g) => JSON.parse(g.body.toString("utf8")).webhook_event.id);
    expect(new Set(ids).size).toBe(1);
    expect(webhookEventsOf(emu).get(ids[0])?.try_count).toBe(3);
    const branches = [];
    for (const g of sink.received) branches.push((await handOver(f, g)).branch);
    expect(branches).toEqual(["Lead Won", "Ignored", "Ignored"]);
    await remove(sink.url, params(events));
  });

  it("lead.any_update: an Update Lead reaches the Lead Changed branch", async () => {
    const events = ["lead.any_update"];
    const f = flow({ events });
    await deploy(sink.url, params(events));
    await run("updateLead", { leadId: "8112", title: "Acme (changed)" });
    const [got] = await sink.waitFor(1);
    const result = await handOver(f, got as Received);
    expect(result.branch).toBe("Lead Changed");
    expect(dataOf(result)).toMatchObject({
      event: "lead.any_update",
      data: { id: 8112, title: "Acme (changed)", contact: expect.any(Object) },
    });
    await remove(sink.url, params(events));
  });

  it("the picked step: lead.step.changed.to.Sales funnel.Closing on Lead Moved To Step", async () => {
    const stepParams = {
      connection: apiKeyConnection(emu),
      events: ["lead.step.changed.to.PIPE.NAME_OF_YOUR_STEP"],
      step: "1191",
    };
    const f = flow({ events: stepParams.events, step: "1191" });
    await deploy(sink.url, stepParams);
    await run("updateLead", { leadId: "8112", stepId: "1191" });
    const [got] = await sink.waitFor(1);
    const result = await handOver(f, got as Received);
    expect(dataOf(result).event).toBe("lead.step.changed.to.Sales funnel.Closing");
    expect(result.branch).toBe("Lead Moved To Step");
    await remove(sink.url, stepParams);
  });

  it("a delivery tampered on the way is refused; after delete nothing is delivered", async () => {
    const events = ["lead.creation"];
    await deploy(sink.url, params(events));
    const created = emu.store.addLead({ title: "Tamper Co", user_id: 514 });
    emu.events.emit("event", "lead.creation", emu.store.leadJson(created));
    const [got] = await sink.waitFor(1);
    const wire = JSON.parse((got as Received).body.toString("utf8"));
    wire.webhook_event.id += 1;
    await expect(
      handOver(flow({ events }), { ...(got as Received), body: Buffer.from(JSON.stringify(wire)) }),
    ).rejects.toThrow(/does not match/);

    await remove(sink.url, params(events));
    sink.received.length = 0;
    emu.events.emit("event", "lead.creation", emu.store.leadJson(created));
    await emu.idle();
    expect(sink.received).toHaveLength(0);
  });
});
