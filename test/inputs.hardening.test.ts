/**
 * Inputs that used to slip through (issue 13): each is refused before any request, naming the
 * input, or made harmless before it is sent.
 */
import { describe, expect, it } from "vitest";
import { dataRunner, errorRunner, expectSent, useEmulator } from "./helpers";

const emu = useEmulator();
const run = dataRunner(emu);
const errorFrom = errorRunner(emu);

describe("refused before any request, naming the input", () => {
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ["a reminder at 23:60", "updateLead", { remindTime: "23:60" }, "Reminder Time"],
    ["a reminder at 09:75", "updateLead", { remindTime: "09:75" }, "Reminder Time"],
    ["a reminder at 24:00", "updateLead", { remindTime: "24:00" }, "Reminder Time"],
    ["a reminder at 09:10", "updateLead", { remindTime: "09:10" }, "Reminder Time"],
    ["empty object rows", "addProspects", { content: "[{}, {}]" }, "Prospects"],
    ["empty array rows", "addProspects", { content: "[[], []]" }, "Prospects"],
    ["a row of blanks", "addProspects", { content: '[["Acme", "Ann"], ["", " "]]' }, "Prospects"],
    ["a tag filter holding a comma", "listLeads", { tags: ["Smith, John"] }, "Tags"],
    [
      "a step filter holding a comma",
      "listLeads",
      { stepNames: ["In-touch", "A,B"] },
      "Step Names",
    ],
    [
      "a contact field name with a colon",
      "createLead",
      { title: "T", contactFields: [{ key: "Status: won", value: "x" }] },
      "Contact Fields",
    ],
  ];
  const base: Record<string, Record<string, unknown>> = {
    updateLead: { leadId: "8113", status: "standby", remindDate: "2030-01-02" },
    addProspects: { prospectingListId: "112" },
  };
  for (const [what, action, params, label] of cases) {
    it(what, async () => {
      const error = await errorFrom(action, { ...base[action], ...params });
      expect(error).toMatchObject({ name: "InputError", input: label });
      expectSent(emu, []);
    });
  }

  it("says why a comma is refused in a filter value", async () => {
    const error = await errorFrom("listLeads", { tags: ["Smith, John"] });
    expect(error.message).toBe(
      'Tags: "Smith, John" contains a comma, and Pro Pipe Lines splits these values on commas: it would read it as several values. Remove the comma or use another filter.',
    );
    expectSent(emu, []);
  });
});

describe("made harmless before sending", () => {
  it("a tag with a comma is fine where the API takes a JSON list (Create Lead)", async () => {
    await run("createLead", { title: "Comma Co", description: "d", tags: ["Smith, John"] });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads",
        body: { title: "Comma Co", description: "d", tags: ["Smith, John"] },
      },
    ]);
  });

  it("every line separator in a contact field value becomes a space: no injected line", async () => {
    const separators = ["\r", "\n", "\r\n", "\u2028", "\u2029", "\u0085", "\u000b", "\u000c"];
    for (const separator of separators) {
      emu.clearLog();
      await run("createLead", {
        title: "Injection Co",
        contactFields: [
          { key: "Firstname", value: `Ann${separator}Status: won` },
          { key: "Email", value: "ann@injection.example" },
        ],
      });
      expectSent(
        emu,
        [
          {
            method: "POST",
            path: "/leads",
            query: {},
            body: {
              title: "Injection Co",
              description: "Firstname: Ann Status: won\nEmail: ann@injection.example",
            },
          },
        ],
        JSON.stringify(separator),
      );
    }
  });
});
