/**
 * Defaults that hide no record, and how the job actions present themselves to a builder: their
 * cost stated, fixed values as dropdowns, ID inputs with data sources, the connections' Time
 * Zone for relative dates.
 */
import { describe, expect, it } from "vitest";
import { component, dataRunner, expectSent, idsOf, useEmulator } from "./helpers";

const emu = useEmulator();
const run = dataRunner(emu);

const JOBS = [
  "findLeads",
  "upsertLead",
  "updateLeadContactFields",
  "addLeadTags",
  "removeLeadTags",
  "countLeads",
  "setLeadReminder",
  "listReminders",
  "assignLeadRoundRobin",
  "createLead",
];

describe("defaults that hide nothing", () => {
  it("List Leads lists unassigned leads unless turned off", async () => {
    const lead = emu.store.addLead({ title: "Web form lead", description: "Email: w@f.example" });
    const all = await run("listLeads", { email: "w@f.example" });
    const assigned = await run("listLeads", { email: "w@f.example", includeUnassigned: "false" });
    expectSent(emu, [
      {
        method: "GET",
        path: "/leads",
        query: { email: "w@f.example", include_unassigned: "true" },
      },
      { method: "GET", path: "/leads", query: { email: "w@f.example" } },
    ]);
    expect(idsOf(all)).toEqual([lead.id]);
    expect(assigned).toEqual([]);
  });

  it("List Leads' filters come before its paging inputs", () => {
    const keys = component.actions.listLeads?.inputs.map((input) => input.key) ?? [];
    expect(keys.indexOf("includeUnassigned")).toBeLessThan(keys.indexOf("limit"));
    expect(keys.at(-1)).toBe("whenMoreThanMaximum");
  });

  it("List Users shows active users unless asked", () => {
    const status = component.actions.listUsers?.inputs.find((input) => input.key === "status");
    expect(status?.default).toBe("activated");
  });

  it("both connections take an optional Time Zone, used for relative dates", () => {
    for (const connection of component.connections ?? []) {
      const zone = connection.inputs.find((input) => input.key === "timeZone");
      expect(zone, connection.key).toMatchObject({ label: "Time Zone", required: false });
      expect(zone?.comments).toMatch(/relative dates.*Default UTC/);
    }
  });
});

describe("the job actions, as a builder sees them", () => {
  for (const key of JOBS) {
    it(`${key}: states its cost; fixed values are dropdowns; ID inputs have data sources`, () => {
      const action = component.actions[key];
      expect(action?.display.description, key).toMatch(/Cost: \d/);
      for (const input of action?.inputs ?? []) {
        if (/Id$|^users$/.test(input.key)) expect(input.dataSource, input.key).toBeTruthy();
        if (/^(status|groupBy|matchBy|whenSeveral|duration|reminderDuration)$/.test(input.key)) {
          expect(input.model?.length, input.key).toBeGreaterThan(1);
        }
      }
    });
  }

  it("date inputs say which relative forms they take", () => {
    const dates = JOBS.flatMap((key) =>
      (component.actions[key]?.inputs ?? []).filter((input) =>
        /Date$|^(date|from|to|updatedAfter|createdAt)$/.test(input.key),
      ),
    );
    expect(dates.length).toBeGreaterThan(6);
    for (const input of dates) expect(input.comments, input.key).toContain("+3d");
  });
});
