/**
 * Create Lead's new inputs through the built component: the POST first, then only the calls the
 * filled inputs need; what the API would refuse is refused before sending; a call failing after
 * the POST says the lead WAS created, and the POST is never repeated.
 */
import { describe, expect, it } from "vitest";
import { dataRunner, errorRunner, expectSent, loginConnection, useEmulator } from "./helpers";

const emu = useEmulator();
const run = dataRunner(emu);
const errorFrom = errorRunner(emu);

type Created = { id: number; contactFields: Record<string, string> };

const basics = {
  title: "Acme Rockets",
  contactFields: JSON.stringify({ Firstname: "Wile", Email: "wile@acme.example" }),
  description: "Needs rockets.",
};
const composed = "Firstname: Wile\nEmail: wile@acme.example\n---\nNeeds rockets.";

describe("Create Lead: the POST, then only what it needs", () => {
  it("without step, status, amount or folder: 1 request, as before", async () => {
    const lead = await run<Created>("createLead", { ...basics, tags: ["b2b"] });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads",
        body: { title: "Acme Rockets", description: composed, tags: ["b2b"] },
        status: 201,
      },
    ]);
    expect(lead.contactFields).toEqual({ Firstname: "Wile", Email: "wile@acme.example" });
  });

  it("with an owner, a step, a status with its reminder, an amount and a client folder: 3 requests", async () => {
    const lead = await run<Created>("createLead", {
      ...basics,
      userId: "john.doe@mycompany.com",
      stepId: "1190",
      status: "standby",
      remindDate: "2030-05-06",
      remindTime: "09:30",
      reminderDuration: "45",
      reminderActivityId: "271",
      reminderNote: "Call Wile",
      amount: "2500.5",
      probability: "60",
      clientFolderId: "12",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads",
        body: { title: "Acme Rockets", description: composed, user_id: "john.doe@mycompany.com" },
        status: 201,
      },
      {
        method: "PUT",
        path: `/leads/${lead.id}`,
        body: {
          step: 1190,
          status: "standby",
          remind_date: "2030-05-06",
          remind_time: "09:30",
          reminder_duration: 45,
          reminder_activity_id: 271,
          reminder_note: "Call Wile",
          amount: 2500.5,
          probability: 60,
        },
        status: 200,
      },
      {
        method: "POST",
        path: `/leads/${lead.id}/add_to_client`,
        body: { client_id: 12 },
        status: 200,
      },
    ]);
    expect(emu.store.leads.get(lead.id)).toMatchObject({
      user_id: 515,
      step_id: 1190,
      status: "standby",
      remind_date: "2030-05-06",
      amount: 2500.5,
      probability: 60,
      client_folder_id: 12,
    });
    expect(lead).toMatchObject({ id: lead.id, client_folder_id: 12, step: "In-touch" });
  });

  it("a client folder alone: the POST and Add to Client Folder, no PUT", async () => {
    const lead = await run<Created>("createLead", { ...basics, clientFolderId: "12" });
    expectSent(emu, [
      { method: "POST", path: "/leads" },
      { method: "POST", path: `/leads/${lead.id}/add_to_client`, body: { client_id: 12 } },
    ]);
  });

  it("with a User Login connection the lead is the user's: a step needs no Owner", async () => {
    const lead = await run<Created>(
      "createLead",
      { ...basics, stepName: "Closing" },
      loginConnection(emu, "john.doe@mycompany.com"),
    );
    expect(emu.store.leads.get(lead.id)).toMatchObject({ user_id: 515, step_id: 1191 });
    expectSent(emu, [
      { method: "GET", path: "/auth/login" },
      { method: "POST", path: "/leads", body: { title: "Acme Rockets", description: composed } },
      { method: "PUT", path: `/leads/${lead.id}`, body: { step: "Closing" } },
    ]);
  });

  it("a relative Reminder Date (+3d) is resolved before sending", async () => {
    const lead = await run<Created>("createLead", {
      ...basics,
      userId: "514",
      status: "standby",
      remindDate: "+3d",
    });
    const expected = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(emu.store.leads.get(lead.id)?.remind_date).toBe(expected);
  });
});

describe("Create Lead refuses what the API would refuse, with 0 requests", () => {
  it.each([
    [{ status: "won" }, "Status"],
    [{ stepName: "In-touch" }, "Step Name"],
    [{ amount: "100" }, "Amount"],
  ])("%j on an API-key lead without an Owner → %s", async (params, input) => {
    const error = await errorFrom("createLead", { ...basics, ...params });
    expect(error).toMatchObject({ name: "InputError", input });
    expect(error.message).toMatch(/unassigned lead.*Fill Owner/);
    expectSent(emu, []);
  });

  it.each([
    [{ userId: "514", status: "standby" }, "Reminder Date", /required when Status is standby/],
    [{ userId: "514", probability: "50" }, "Probability", /needs an Amount/],
    [{ userId: "514", stepId: "1190", stepName: "In-touch" }, "Step Name", /either Step ID or/],
    [{ remindTime: "09:10" }, "Reminder Time", /quarter hour/],
    [{ remindDate: "+3x" }, "Reminder Date", /.+/],
  ])("%j → %s", async (params, input, message) => {
    const error = await errorFrom("createLead", { ...basics, ...params });
    expect(error).toMatchObject({ name: "InputError", input });
    expect(error.message).toMatch(message);
    expectSent(emu, []);
  });
});

describe("Create Lead: API errors in the builder's words", () => {
  it("an unknown Owner: the POST's 400 names the input, and no lead exists", async () => {
    const before = emu.store.leads.size;
    const error = await errorFrom("createLead", {
      ...basics,
      userId: "ghost@acme.example",
      status: "won",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads",
        body: { title: "Acme Rockets", description: composed, user_id: "ghost@acme.example" },
        status: 400,
      },
    ]);
    expect(error).toMatchObject({ name: "ApiError", status: 400 });
    expect(error.message).toContain('Owner: no active user "ghost@acme.example" in this account');
    expect(error.message).not.toContain("WAS created");
    expect(emu.store.leads.size).toBe(before);
  });
});

describe("Create Lead: a call after the POST fails", () => {
  it("an unknown step name: the error says the lead WAS created, in the builder's words; one POST only", async () => {
    const before = emu.store.leads.size;
    const error = await errorFrom("createLead", {
      ...basics,
      userId: "514",
      stepName: "No such step",
      clientFolderId: "12",
    });
    const id = [...emu.store.leads.keys()].at(-1);
    expectSent(emu, [
      { method: "POST", path: "/leads", status: 201 },
      { method: "PUT", path: `/leads/${id}`, body: { step: "No such step" }, status: 404 },
    ]);
    expect(emu.store.leads.size).toBe(before + 1);
    expect(error).toMatchObject({ name: "ApiError", status: 404 });
    expect(error.message).toContain('Step Name: no step named "No such step"');
    expect(error.message).toContain(`The lead WAS created (ID ${id})`);
    expect(error.message).toContain(
      "without its step and client folder: do not run this step again",
    );
    expect(error.message).toContain("with Update Lead and Add Lead to Client Folder");
  });

  it("an unknown client folder: the lead was created, with its step; only the folder is missing", async () => {
    const error = await errorFrom("createLead", {
      ...basics,
      userId: "514",
      stepId: "1190",
      clientFolderId: "999999",
    });
    const id = [...emu.store.leads.keys()].at(-1);
    expectSent(emu, [
      { method: "POST", path: "/leads", status: 201 },
      { method: "PUT", path: `/leads/${id}`, body: { step: 1190 }, status: 200 },
      { method: "POST", path: `/leads/${id}/add_to_client`, status: 404 },
    ]);
    expect(error.message).toContain(`The lead WAS created (ID ${id}) without its client folder:`);
    expect(error.message).toContain("Set it on lead");
    expect(error.message).toContain("with Add Lead to Client Folder.");
  });
});
