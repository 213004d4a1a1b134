/**
 * The emulator against ../shared/reference/live-api-facts.md: one test per fact it models, named
 * after the fact, over plain HTTP on 127.0.0.1 (no component). The facts sheet and the emulator
 * can be compared at a glance; a later test section checks the controls trigger tests rely on.
 *
 * Facts NOT modelled, and why:
 * - "The live document says to branch on `type`, because `message` may change": advice to
 *   clients, nothing to answer (the bodies carry `type`: see the first test).
 * - "A host that is not an API host answers an HTML 404": the emulator has one host
 *   (127.0.0.1), so it answers the HTML 404 for any path outside /api/v2 instead; a different
 *   host name cannot be modelled on loopback.
 * - "Calling on after a 429 may get the key deactivated": the threshold is unknown, so it is an
 *   opt-in setting (`deactivateKeyAfter429s`, default off), tested below with the 429.
 * - "Every public client pages with limit=100 … a larger page may be capped or refused"
 *   (inferred): modelled as settings (cap per list, truncate or refuse), not as one behaviour.
 * - "Clients also send step/step_id, status, amount and client_folder_id on create" (unverified
 *   that the API honours them): the emulator keeps the document's create parameters.
 * - "`PUT /leads/{lead_id}/comments/{id}` updates a comment's content": added separately.
 * - "What peers offer": not behaviour of the API.
 */
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_API_KEY, Emulator, type EmulatorOptions } from "./emulator";
import { type Sink, startSink } from "./emulator/sink";
import { LIVE_EVENTS } from "./liveEvents";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers; the assertions check their shape
type Json = any;

interface Call {
  key?: string | null;
  token?: string;
  body?: unknown;
  form?: FormData;
}

async function call(emu: Emulator, method: string, path: string, opts: Call = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers["X-USER-TOKEN"] = opts.token;
  else if (opts.key !== null) headers["X-API-KEY"] = opts.key ?? DEFAULT_API_KEY;
  let body: string | FormData | undefined = opts.form;
  if (opts.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  const url = path.startsWith("http") ? path : `${emu.url}/api/v2${path}`;
  const res = await fetch(url, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, body: json, text };
}

let emu: Emulator;
let sink: Sink;

async function fresh(opts: EmulatorOptions = {}): Promise<Emulator> {
  await emu?.stop();
  emu = await new Emulator({ profile: "live", ...opts }).start();
  return emu;
}

beforeEach(async () => {
  emu = await new Emulator({ profile: "live" }).start();
  sink = await startSink();
});

afterEach(async () => {
  await emu.stop();
  await sink.stop();
});

/** Subscribes the sink to `event`; answers the webhook's id. */
async function subscribe(event: string, target = sink.url): Promise<number> {
  const created = await call(emu, "POST", "/webhooks", {
    body: { event, target_type: "url", target },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** What the sink received, parsed, once every delivery in flight is answered. */
async function received(): Promise<Json[]> {
  await emu.idle();
  return sink.received.map((r) => JSON.parse(r.body.toString("utf8")).webhook_event);
}

describe("Errors and auth", () => {
  it('Error bodies are {"error": <HTTP status as a number>, "message", "type"}', async () => {
    const res = await call(emu, "GET", "/leads/99999999");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      error: 404,
      message: "Entry not found -- The specified object could not be found",
      type: "record_not_found",
    });
  });

  it("Invalid key or token: 401 unauthorized_invalid_token", async () => {
    const expected = {
      error: 401,
      message: "Unauthorized: invalid api_key",
      type: "unauthorized_invalid_token",
    };
    const badKey = await call(emu, "GET", "/ping", { key: "not-a-key" });
    expect(badKey.status).toBe(401);
    expect(badKey.body).toEqual(expected);
    const badToken = await call(emu, "GET", "/ping", { token: "not-a-token" });
    expect(badToken.status).toBe(401);
    expect(badToken.body).toEqual(expected);
  });

  it("No key and no token: 401 unauthorized_missing_token", async () => {
    const res = await call(emu, "GET", "/ping", { key: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: 401,
      message: "Unauthorized: missing api_key or user token",
      type: "unauthorized_missing_token",
    });
  });

  it("Other 401 types: unauthorized_disabled_token (a disabled user's token)", async () => {
    const token = emu.issueToken(515);
    expect((await call(emu, "GET", "/ping", { token })).status).toBe(200);
    expect((await call(emu, "PUT", "/users/515/disable")).status).toBe(200);
    const res = await call(emu, "GET", "/ping", { token });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 401, type: "unauthorized_disabled_token" });
  });

  it("Other 401 types: not_api_key (webhooks called with a user token)", async () => {
    const token = emu.issueToken(514);
    for (const [method, path] of [
      ["GET", "/webhooks"],
      ["POST", "/webhooks"],
      ["DELETE", "/webhooks/62"],
      ["PUT", "/webhooks/62/activate"],
    ] as const) {
      const res = await call(emu, method, path, { token });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body).toMatchObject({ error: 401, type: "not_api_key" });
    }
  });

  it("An unknown account slug answers the same 401 unauthorized_invalid_token as a wrong key", async () => {
    emu.settings.accountExists = false;
    const withKey = await call(emu, "GET", "/ping");
    const withToken = await call(emu, "GET", "/leads", { token: emu.issueToken(514) });
    for (const res of [withKey, withToken]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: 401,
        message: "Unauthorized: invalid api_key",
        type: "unauthorized_invalid_token",
      });
    }
  });

  it("A host that is not an API host answers an HTML 404 (here: any path outside /api/v2)", async () => {
    const res = await call(emu, "GET", `${emu.url}/leads`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.text).toMatch(/^<!DOCTYPE html>/);
  });

  it("Suspended account: 402 suspended_account", async () => {
    emu.settings.suspended = true;
    const res = await call(emu, "GET", "/leads");
    expect(res.status).toBe(402);
    expect(res.body).toEqual({
      error: 402,
      message: "Suspended account: pay your subscription to use the API.",
      type: "suspended_account",
    });
  });

  it("404 record_not_found, 400 bad_parameter_format, 403 forbidden_action", async () => {
    const noLead = await call(emu, "DELETE", "/leads/8113/comments/1");
    expect(noLead.status).toBe(404);
    expect(noLead.body.type).toBe("record_not_found");

    const badDate = await call(emu, "GET", "/leads?updated_after=yesterday");
    expect(badDate.status).toBe(400);
    expect(badDate.body).toMatchObject({ error: 400, type: "bad_parameter_format" });

    emu.settings.edition = "starter";
    const advanced = await call(emu, "POST", "/webhooks", {
      body: { event: "lead.deleted", target_type: "url", target: sink.url },
    });
    expect(advanced.status).toBe(403);
    expect(advanced.body).toEqual({
      error: 403,
      message: "Cannot access this feature.",
      type: "forbidden_action",
    });
  });

  it("429 carries API-RETRY-AFTER (seconds) and API-LIMIT-RESET (epoch seconds or ISO)", async () => {
    emu.settings.dailyQuota = 0;
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);

    const epoch = await call(emu, "GET", "/ping");
    expect(epoch.status).toBe(429);
    expect(epoch.body).toMatchObject({ error: 429, message: "Too many requests" });
    const retryAfter = Number(epoch.headers.get("api-retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(epoch.headers.get("api-limit-reset")).toBe(String(midnight.getTime() / 1000));

    emu.settings.resetHeader = "iso";
    const iso = await call(emu, "GET", "/ping");
    expect(iso.headers.get("api-limit-reset")).toBe(midnight.toISOString());

    const document = await fresh({ profile: "document", dailyQuota: 0 });
    const fromDocument = await call(document, "GET", "/ping");
    expect(fromDocument.headers.get("api-limit-reset")).toBe(midnight.toISOString());
  });

  it("Calling on after a 429 may get the key deactivated (opt-in setting)", async () => {
    const key = emu.newApiKey();
    emu.settings.dailyQuota = 0;
    emu.settings.deactivateKeyAfter429s = 1;
    expect((await call(emu, "GET", "/ping", { key })).status).toBe(429);
    expect((await call(emu, "GET", "/ping", { key })).status).toBe(429);
    expect((await call(emu, "GET", "/ping", { key })).status).toBe(429);
    emu.settings.dailyQuota = 2000;
    const after = await call(emu, "GET", "/ping", { key });
    expect(after.status).toBe(401);
    expect(after.body.type).toBe("unauthorized_invalid_token");
    expect((await call(emu, "GET", "/ping")).status).toBe(200);
  });

  it('GET /ping → 200 {"status":200,"message":"Your API key is correct."}', async () => {
    const res = await call(emu, "GET", "/ping");
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"status":200,"message":"Your API key is correct."}');
  });
});

describe("Lists and paging", () => {
  it("Lists are bare JSON arrays; X-TOTAL-COUNT is the total before paging", async () => {
    emu.bulkCreateLeads(5, { fields: { user_id: null } });
    for (const [path, total] of [
      ["/leads?include_unassigned=true&limit=2", emu.store.leads.size],
      ["/leads/unassigned?limit=2", 6],
      ["/leads/8113/action_histories?limit=2", 3],
      ["/spreadsheets?limit=2", 3],
    ] as const) {
      const res = await call(emu, "GET", path);
      expect(res.status, path).toBe(200);
      expect(Array.isArray(res.body), path).toBe(true);
      expect(res.body, path).toHaveLength(2);
      expect(res.headers.get("x-total-count"), path).toBe(String(total));
    }
  });

  it("A larger page may be capped (truncated) or refused (400 bad_parameter_format)", async () => {
    emu.bulkCreateLeads(150);
    const capped = await call(emu, "GET", "/leads?limit=500");
    expect(capped.status).toBe(200);
    expect(capped.body).toHaveLength(100);
    expect(Number(capped.headers.get("x-total-count"))).toBeGreaterThan(150);

    emu.settings.overCap = "refuse";
    const refused = await call(emu, "GET", "/leads?limit=101");
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 400, type: "bad_parameter_format" });
    expect((await call(emu, "GET", "/leads?limit=100")).body).toHaveLength(100);

    emu.settings.limitCaps["/leads"] = null;
    expect((await call(emu, "GET", "/leads?limit=500")).body.length).toBeGreaterThan(150);

    // The document gives no maximum for /leads, only 1–100 for action histories.
    const document = await fresh({ profile: "document" });
    document.bulkCreateLeads(150);
    expect((await call(document, "GET", "/leads?limit=500")).body.length).toBeGreaterThan(150);
    for (let i = 0; i < 120; i++) {
      await call(document, "PUT", "/leads/8112", { body: { amount: i + 1 } });
    }
    const histories = await call(document, "GET", "/leads/8112/action_histories?limit=500");
    expect(histories.body).toHaveLength(100);
  });

  it("Some lists may ignore offset (a setting per list)", async () => {
    emu.bulkCreateLeads(150);
    const first = await call(emu, "GET", "/leads?limit=100&offset=0");
    const second = await call(emu, "GET", "/leads?limit=100&offset=100");
    expect(second.body[0].id).not.toBe(first.body[0].id);

    emu.settings.ignoreOffset = ["/leads"];
    const repeated = await call(emu, "GET", "/leads?limit=100&offset=100");
    expect(repeated.body.map((l: Json) => l.id)).toEqual(first.body.map((l: Json) => l.id));
  });

  it("GET /leads/{id}/comments is not paged (only direction)", async () => {
    const res = await call(emu, "GET", "/leads/8113/comments?limit=1&offset=1&direction=asc");
    expect(res.status).toBe(200);
    expect(res.body.map((c: Json) => c.id)).toEqual([13834, 13840]);
    expect(res.headers.get("x-total-count")).toBeNull();
  });
});

describe("Leads", () => {
  it("Leads carry html_description, next_action_at, team_name, amount_percentage, probalized_amount; pipeline is a string or null", async () => {
    const list = await call(emu, "GET", "/leads");
    const loretta = list.body.find((l: Json) => l.id === 8113);
    expect(loretta).toMatchObject({
      html_description: expect.stringContaining("<br />"),
      next_action_at: "2014-03-12T09:30:00.000Z",
      team_id: 2,
      team_name: "Sales",
      amount: 2400,
      probability: 30,
      amount_percentage: 30,
      probalized_amount: 720,
      pipeline: "Sales funnel",
      step: "Incoming",
    });
    emu.admin.deleteStep(1189);
    const orphan = await call(emu, "GET", "/leads/8113");
    expect(orphan.body.pipeline).toBeNull();
  });

  it("A single lead (GET one) carries extended_info; list items do not", async () => {
    const one = await call(emu, "GET", "/leads/8113");
    expect(one.status).toBe(200);
    expect(one.body.extended_info).toMatchObject({
      fields: {
        email: "natalia.bawer@loretta-inc.com",
        first_name: "Natalia",
        last_name: "Bawer",
        phone: null,
      },
      fields_by_name: {
        Firstname: "Natalia",
        Lastname: "Bawer",
        Email: "natalia.bawer@loretta-inc.com",
      },
      first_contact_email: "natalia.bawer@loretta-inc.com",
      all_contact_emails: ["natalia.bawer@loretta-inc.com"],
      user: { id: 514, firstname: "Stéphanie", phone: "2223334444", mobile_phone: "" },
      created_by: { id: 514, email: "stef@example.com" },
      permalink: "https://emulator.propipelines.com/leads/8113",
      client_folder: null,
      comment_count: 2,
      team: { id: 2, name: "Sales" },
    });
    // The account's own field names: a new lead field shows by its name.
    emu.admin.createField({ name: "Phone", type: "phone" });
    const withPhone = await call(emu, "GET", "/leads/8113");
    expect(withPhone.body.extended_info.fields_by_name.Phone).toBe("801 274 6798");
    expect(withPhone.body.extended_info.fields.phone).toBe("801 274 6798");

    await call(emu, "POST", "/leads/8113/add_to_client", { body: { client_id: 12 } });
    const filed = await call(emu, "GET", "/leads/8113");
    expect(filed.body.extended_info.client_folder).toMatchObject({ id: 12, name: "Acme" });

    const list = await call(emu, "GET", "/leads");
    expect(list.body.length).toBeGreaterThan(0);
    for (const item of list.body) expect(item).not.toHaveProperty("extended_info");
  });

  it("description can be HTML: <br /> lines, <p> notes, ----- contact blocks, Key: value or Key : value", async () => {
    const plain = "Firstname: Rita\nEmail: rita@example.com\n---\nMet at the fair.";
    const created = await call(emu, "POST", "/leads", {
      body: { title: "Rita Co", description: plain },
    });
    expect(created.body.description).toBe(
      "Firstname: Rita<br />Email: rita@example.com<br />\r\n---\r\n<p>Met at the fair.</p>",
    );
    expect(created.body.extended_info.fields_by_name).toEqual({
      Firstname: "Rita",
      Email: "rita@example.com",
    });

    // A description saved by the live web application: French keys, two contacts.
    const durand = (await call(emu, "GET", "/leads?user_id=515")).body.find(
      (l: Json) => l.title === "Maison Durand",
    );
    expect(durand.description).toContain("Nom : Claire Durand<br />");
    expect(durand.description).toContain("-----<br />");
    expect(durand.description).toContain("<p>Rencontrée au salon.");
    emu.admin.createField({ name: "Nom", type: "full_name" });
    const detail = await call(emu, "GET", `/leads/${durand.id}`);
    expect(detail.body.extended_info.fields_by_name).toEqual({
      Email: "claire.durand@maison-durand.fr",
      Nom: "Claire Durand",
    });
    expect(detail.body.extended_info.all_contact_emails).toEqual([
      "claire.durand@maison-durand.fr",
      "paul.martin@maison-durand.fr",
    ]);

    // Plain descriptions when the setting is off; HTML written is answered as text.
    emu.settings.htmlDescriptions = false;
    expect((await call(emu, "GET", `/leads/${created.body.id}`)).body.description).toBe(plain);
    const asText = await call(emu, "GET", `/leads/${durand.id}`);
    expect(asText.body.description).toBe(
      [
        "Nom : Claire Durand",
        "Fonction : Directrice",
        "Téléphone : 01 23 45 67 89",
        "Email : claire.durand@maison-durand.fr",
        "-----",
        "Nom : Paul Martin",
        "Email : paul.martin@maison-durand.fr",
        "---",
        "Rencontrée au salon.",
        "Rappeler en mars.",
      ].join("\n"),
    );
    expect(asText.body.html_description).toContain("<br />");
    expect(asText.body.extended_info.fields_by_name.Nom).toBe("Claire Durand");
  });

  it("POST /leads answers 201 with the lead", async () => {
    const res = await call(emu, "POST", "/leads", {
      body: { title: "Awesome Company", description: "Firstname: John", user_id: 514 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: "Awesome Company",
      user_id: 514,
      status: "todo",
      extended_info: { permalink: `https://emulator.propipelines.com/leads/${res.body.id}` },
    });
  });

  it("PUT /leads/{id} takes step as an id or a name", async () => {
    const byName = await call(emu, "PUT", "/leads/8112", { body: { step: "Closing" } });
    expect(byName.body).toMatchObject({ step_id: 1191, step: "Closing" });
    const byId = await call(emu, "PUT", "/leads/8112", { body: { step: 1190 } });
    expect(byId.body).toMatchObject({ step_id: 1190, step: "In-touch" });
  });

  it("attachment_count and client_folder_name are computed, not stored", async () => {
    const form = new FormData();
    form.append("attachment", new Blob(["hello"], { type: "text/plain" }), "note.txt");
    const uploaded = await call(emu, "POST", "/leads/8112/attachments", { form });
    expect(uploaded.status).toBe(201);
    expect((await call(emu, "GET", "/leads/8112")).body.attachment_count).toBe(1);
    await call(emu, "DELETE", `/leads/8112/attachments/${uploaded.body.id}`);
    expect((await call(emu, "GET", "/leads/8112")).body.attachment_count).toBe(0);

    await call(emu, "POST", "/leads/8112/add_to_client", { body: { client_id: 12 } });
    await call(emu, "PUT", "/clients/12", { body: { name: "Acme Holdings" } });
    const lead = await call(emu, "GET", "/leads/8112");
    expect(lead.body).toMatchObject({ client_folder_id: 12, client_folder_name: "Acme Holdings" });
    expect(emu.store.leads.get(8112)).not.toHaveProperty("client_folder_name");
    expect(emu.store.leads.get(8112)).not.toHaveProperty("attachment_count");
  });

  it("A lead created from a prospect records its lead_created history", async () => {
    const created = await call(emu, "POST", "/spreadsheets/112/rows/109/create_lead");
    expect(created.status).toBe(201);
    const histories = await call(emu, "GET", `/leads/${created.body.id}/action_histories`);
    expect(histories.body).toEqual([
      expect.objectContaining({
        lead_id: created.body.id,
        action_type: "lead_created",
        action_item: { type: "lead_created", id: created.body.id },
      }),
    ]);
  });

  it("Comments: raw_content, is_pinned, activity_id, attachments; email comments have content null and action_item.email; create answers 201", async () => {
    const list = await call(emu, "GET", "/leads/8113/comments?direction=asc");
    const [note, email] = list.body;
    expect(note).toMatchObject({
      id: 13834,
      content: "This is a comment",
      raw_content: "This is a comment",
      is_pinned: false,
      activity_id: null,
      attachments: [
        {
          id: 24,
          name: "780_3.pdf",
          url: expect.any(String),
          permalink: expect.any(String),
          content_type: null,
          kind: "dropbox",
        },
      ],
    });
    expect(email).toMatchObject({
      id: 13840,
      content: null,
      is_pinned: true,
      activity_id: 274,
      action_item: {
        email: { subject: "Our proposal", to: "natalia.bawer@loretta-inc.com", lead_id: 8113 },
      },
    });
    const created = await call(emu, "POST", "/leads/8113/comments", {
      body: { content: "Called back.", activity_id: 271 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      content: "Called back.",
      raw_content: "Called back.",
      is_pinned: false,
      activity_id: 271,
      attachments: [],
      action_item: null,
    });
  });

  it("Users carry teams [{id, name, is_manager}], has_activated, is_disabled, permalink; lastname may be null", async () => {
    const stef = await call(emu, "GET", "/users/514");
    expect(stef.body).toMatchObject({
      id: 514,
      teams: [{ id: 2, name: "Sales", is_manager: true }],
      has_activated: true,
      is_disabled: false,
      permalink: `${emu.url}/users/514`,
    });
    const list = await call(emu, "GET", "/users");
    for (const user of list.body) {
      expect(user).toEqual(
        expect.objectContaining({
          teams: expect.any(Array),
          has_activated: expect.any(Boolean),
          is_disabled: expect.any(Boolean),
          permalink: expect.any(String),
        }),
      );
    }
    const created = await call(emu, "POST", "/users", { body: { email: "new@example.com" } });
    expect(created.body).toMatchObject({ lastname: null, has_activated: false, teams: [] });
  });
});

describe("Webhooks", () => {
  it('Delivery: JSON POST {"webhook_event": {id, event, signature, data}}; signature = sha1(String(id) + API key)', async () => {
    const key = emu.newApiKey();
    const created = await call(emu, "POST", "/webhooks", {
      key,
      body: { event: "lead.creation", target_type: "url", target: sink.url },
    });
    expect(created.status).toBe(201);
    await call(emu, "POST", "/leads", { body: { title: "Hooked", description: "a" } });
    const [event] = await received();
    expect(sink.received[0]?.headers["content-type"]).toMatch(/^application\/json/);
    expect(Object.keys(event).sort()).toEqual(["data", "event", "id", "signature"]);
    expect(event.event).toBe("lead.creation");
    expect(event.signature).toBe(
      createHash("sha1").update(`${event.id}${key}`).digest("hex").toLowerCase(),
    );
  });

  it("The API retries failed deliveries with the same event id (try_count, has_succeeded)", async () => {
    await subscribe("lead.creation");
    sink.status = 500;
    await call(emu, "POST", "/leads", { body: { title: "Retry me", description: "a" } });
    const [first] = await received();
    const row = (await call(emu, "GET", `/webhook_events/${first.id}`)).body;
    expect(row).toMatchObject({ has_succeeded: false, try_count: 1, last_returned_code: 500 });

    sink.status = 200;
    expect(await emu.retryDeliveries()).toBe(1);
    const [again, retried] = await received();
    expect(retried.id).toBe(again.id);
    expect(retried.signature).toBe(again.signature);
    const after = (await call(emu, "GET", `/webhook_events/${first.id}`)).body;
    expect(after).toMatchObject({ has_succeeded: true, try_count: 2, last_returned_code: 200 });
    expect(await emu.retryDeliveries()).toBe(0);
  });

  it("A target that cannot be reached is a failed delivery too", async () => {
    const closed = await startSink();
    const target = closed.url;
    await closed.stop();
    await subscribe("lead.creation", target);
    await call(emu, "POST", "/leads", { body: { title: "Nobody home", description: "a" } });
    await emu.idle();
    const events = (await call(emu, "GET", "/webhook_events")).body;
    const failed = events.filter(
      (e: Json) => e.event === "lead.creation" && !e.has_succeeded && e.last_returned_code === null,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ try_count: 1 });
  });

  it("Lead delivery data: text_description, fields, permalink, contact emails, user, team, client (not client_folder), extended_info, comments, reminder_*; status capitalised", async () => {
    await subscribe("lead.status.changed.to.won");
    await call(emu, "POST", "/leads/8113/add_to_client", { body: { client_id: 12 } });
    await call(emu, "PUT", "/leads/8113", { body: { status: "won" } });
    const [event] = await received();
    expect(event.event).toBe("lead.status.changed.to.won");
    const data = event.data;
    expect(data).toMatchObject({
      id: 8113,
      status: "Won",
      description: expect.stringContaining("<br />"),
      text_description: expect.stringMatching(/^Firstname: Natalia\nLastname: Bawer\n/),
      fields: { email: "natalia.bawer@loretta-inc.com", first_name: "Natalia" },
      permalink: "https://emulator.propipelines.com/leads/8113",
      contact_email: "natalia.bawer@loretta-inc.com",
      all_contact_emails: ["natalia.bawer@loretta-inc.com"],
      user: { id: 514, phone: "2223334444", mobile_phone: "" },
      team: { id: 2, name: "Sales" },
      client: { id: 12, name: "Acme", description: "", is_active: true },
      extended_info: {
        created_by: { id: 514 },
        fields_by_name: { Firstname: "Natalia", Email: "natalia.bawer@loretta-inc.com" },
      },
      reminder_at: "2014-03-12T09:30:00.000Z",
      reminder_duration: null,
      reminder_note: null,
    });
    expect(data.team).toEqual({ id: 2, name: "Sales" });
    expect(Object.keys(data.client).sort()).toEqual(["description", "id", "is_active", "name"]);
    expect(data).not.toHaveProperty("client_folder");
    expect(data.comments.map((c: Json) => c.id)).toEqual([13834, 13840]);
  });

  it("The live events beyond the document are accepted and delivered when they happen; step events carry the step", async () => {
    for (const event of LIVE_EVENTS) await subscribe(event);

    // A title change has no document event: only lead.any_update.
    await call(emu, "PUT", "/leads/8112", { body: { title: "Acme Corp (renamed)" } });
    const step = emu.admin.createStep({ name: "Negotiation", pipeline_id: 25 });
    emu.admin.updateStep(step.id, { name: "Negotiating" });
    emu.admin.moveStep(step.id, 26);
    emu.admin.updatePipeline(26, { name: "Billing funnel" });
    emu.admin.deleteStep(step.id);
    const field = emu.admin.createField({ name: "Website", type: "web" });
    emu.admin.updateField(field.id, { name: "Web site" });
    emu.admin.deleteField(field.id);
    await call(emu, "POST", "/clients", { body: { name: "Globex" } });
    await call(emu, "PUT", "/spreadsheets/112/rows/109", {
      body: { content: ["EuropaCorp", "Luc", "Besson", "luc@europacorp.com", "555"] },
    });

    const events = await received();
    expect(events.map((e) => e.event).sort()).toEqual([...LIVE_EVENTS].sort());
    const byName = Object.fromEntries(events.map((e) => [e.event, e.data]));
    expect(byName["lead.any_update"]).toMatchObject({ id: 8112, title: "Acme Corp (renamed)" });
    expect(byName["account.step.created"]).toEqual({
      id: step.id,
      name: "Negotiation",
      position: 4,
      pipeline_id: 25,
      pipeline: expect.objectContaining({ id: 25, name: "Sales funnel" }),
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(byName["account.step.pipeline.updated"]).toMatchObject({
      id: step.id,
      pipeline_id: 26,
      pipeline: { id: 26 },
    });
    expect(byName["account.step.deleted"]).toMatchObject({ id: step.id, name: "Negotiating" });
    expect(byName["account.pipeline.updated"]).toMatchObject({ id: 26, name: "Billing funnel" });
    expect(byName["account.default_field.updated"]).toMatchObject({ name: "Web site" });
    expect(byName["client_folder.created"]).toMatchObject({ name: "Globex" });
    expect(byName["prospect.updated"]).toMatchObject({ id: 109, content: expect.any(Array) });
  });

  it("lead.any_update: any change to a lead, once per change", async () => {
    await subscribe("lead.any_update");
    const created = await call(emu, "POST", "/leads", {
      body: { title: "Changing", description: "a", user_id: 514 },
    });
    const id = created.body.id;
    await call(emu, "PUT", `/leads/${id}`, { body: { status: "won", step: "Closing" } });
    await call(emu, "POST", `/leads/${id}/comments`, { body: { content: "noted" } });
    await call(emu, "POST", `/leads/${id}/add_to_client`, { body: { client_id: 12 } });
    const events = await received();
    expect(events.map((e) => [e.event, e.data.id])).toEqual([
      ["lead.any_update", id],
      ["lead.any_update", id],
      ["lead.any_update", id],
      ["lead.any_update", id],
    ]);
    // Deliveries may arrive in any order; only the creation's was before the status change.
    expect(events.map((e) => e.data.status).sort()).toEqual(["Todo", "Won", "Won", "Won"]);
  });

  it("The same event + target_type + target is unique: creating it again answers 409 with the existing webhook's id", async () => {
    const id = await subscribe("lead.creation");
    const again = await call(emu, "POST", "/webhooks", {
      body: { event: "lead.creation", target_type: "url", target: sink.url },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 409, id });
  });

  it("PUT /webhooks/{id}/activate re-enables a disabled webhook (disabled after failed deliveries)", async () => {
    const id = await subscribe("lead.creation");
    emu.settings.disableWebhookAfterFailures = 2;
    sink.status = 500;
    await call(emu, "POST", "/leads", { body: { title: "One", description: "a" } });
    await emu.idle();
    await call(emu, "POST", "/leads", { body: { title: "Two", description: "a" } });
    await emu.idle();
    const hook = (await call(emu, "GET", "/webhooks")).body.find((w: Json) => w.id === id);
    expect(hook.is_disabled).toBe(true);
    await call(emu, "POST", "/leads", { body: { title: "Three", description: "a" } });
    expect(await received()).toHaveLength(2);

    const activated = await call(emu, "PUT", `/webhooks/${id}/activate`);
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ id, is_disabled: false });
    sink.status = 200;
    await call(emu, "POST", "/leads", { body: { title: "Four", description: "a" } });
    const events = await received();
    expect(events).toHaveLength(3);
    expect(events[2].data.title).toBe("Four");

    emu.disableWebhook(id);
    const listed = (await call(emu, "GET", "/webhooks")).body.find((w: Json) => w.id === id);
    expect(listed.is_disabled).toBe(true);
    expect((await call(emu, "PUT", "/webhooks/999999/activate")).status).toBe(404);
  });
});

describe("test controls (for trigger tests)", () => {
  it("the fake clock: set, freeze (a bulk import in one second), step back, advance; whole seconds", async () => {
    emu.clock.set("2026-03-01T12:00:00.400Z");
    const bulk = emu.bulkCreateLeads(600, { sameSecond: true });
    expect(new Set(bulk.map((l) => l.updated_at))).toEqual(new Set(["2026-03-01T12:00:01.000Z"]));

    emu.clock.freeze();
    const a = await call(emu, "PUT", "/leads/8112", { body: { title: "A" } });
    const b = await call(emu, "PUT", "/leads/8113", { body: { title: "B" } });
    expect(a.body.updated_at).toBe(b.body.updated_at);
    emu.clock.unfreeze();

    emu.clock.stepBack(2 * 60_000);
    const corrected = await call(emu, "PUT", "/leads/8112", { body: { title: "C" } });
    expect(corrected.body.updated_at < String(b.body.updated_at)).toBe(true);
    expect(corrected.body.updated_at).toMatch(/:\d\d\.000Z$/);

    emu.clock.advance(3_600_000);
    const later = await call(emu, "PUT", "/leads/8112", { body: { title: "D" } });
    expect(Date.parse(later.body.updated_at) - Date.parse(corrected.body.updated_at)).toBe(
      3_601_000,
    );
  });

  it("onRequest / afterNext: the account changes between two pages a client reads", async () => {
    emu.bulkCreateLeads(150);
    const query = "/leads?limit=100&order=id&direction=asc";
    const secondBefore = await call(emu, "GET", `${query}&offset=100`);
    const deleted: number[] = [];
    emu.afterNext(1, (entry) => {
      // Between page 1 and page 2: the first lead goes, so page 2 starts one lead later.
      expect(entry).toMatchObject({ method: "GET", path: "/leads", status: 200 });
      const victim = Math.min(...emu.store.leads.keys());
      emu.store.leads.delete(victim);
      deleted.push(victim);
    });
    const first = await call(emu, "GET", query);
    expect(first.body[0].id).toBe(deleted[0]);
    const second = await call(emu, "GET", `${query}&offset=100`);
    expect(second.body[0].id).toBe(secondBefore.body[1].id);

    const seen: string[] = [];
    const stop = emu.onRequest((entry) => {
      seen.push(`${entry.method} ${entry.path} ${entry.status}`);
    });
    await call(emu, "GET", "/ping");
    stop();
    await call(emu, "GET", "/ping");
    expect(seen).toEqual(["GET /ping 200"]);
  });
});

describe("cleanup (issue 12)", () => {
  it("the API key acts as the first admin who is not disabled", async () => {
    const john = emu.store.users.get(515);
    if (john) john.is_admin = true;
    expect((await call(emu, "PUT", "/users/514/disable")).status).toBe(200);
    const comment = await call(emu, "POST", "/leads/8112/comments", { body: { content: "hi" } });
    expect(comment.body.user).toMatchObject({ id: 515 });
    const lead = await call(emu, "POST", "/leads", { body: { title: "Mine", description: "a" } });
    expect(lead.body.created_by_id).toBe(515);
  });

  it("user_id not recognized: the same 400 type wherever a user is named", async () => {
    const onLeads = await call(emu, "GET", "/leads?user_id=nobody@example.com");
    const onCreate = await call(emu, "POST", "/leads", {
      body: { title: "X", description: "a", user_id: "nobody@example.com" },
    });
    const onList = await call(emu, "POST", "/spreadsheets/112/assign", {
      body: { user_id: "nobody@example.com" },
    });
    for (const res of [onLeads, onCreate, onList]) {
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: 400,
        message: "Parameter user_id not recognized.",
        type: "bad_parameter_value",
      });
    }
  });
});
