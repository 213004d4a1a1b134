/**
 * API errors in the builder's words: a refused parameter is named by its input's label and the
 * value given, not by the API's parameter name.
 */
import { describe, expect, it } from "vitest";
import { errorRunner, useEmulator } from "./helpers";

const emu = useEmulator();
const errorFrom = errorRunner(emu);

describe("a parameter Pro Pipe Lines refuses is named by its input", () => {
  it("an unknown owner: Owner, with the value, not user_id", async () => {
    const error = await errorFrom("updateLead", { leadId: "8113", userId: "nobody@example.com" });
    expect(emu.log.map((r) => [r.method, r.path, r.body])).toEqual([
      ["PUT", "/leads/8113", { user_id: "nobody@example.com" }],
    ]);
    expect(error).toMatchObject({ name: "ApiError", status: 400 });
    expect(error.message).toContain(
      'Owner: no active user "nobody@example.com" in this account: pick a user from the list.',
    );
    expect(error.message).not.toMatch(/user_id:/);
  });

  it("an unknown step name: Step Name, with the name", async () => {
    const error = await errorFrom("updateLead", { leadId: "8113", stepName: "Nowhere" });
    expect(emu.log.map((r) => [r.method, r.path, r.body])).toEqual([
      ["PUT", "/leads/8113", { step: "Nowhere" }],
    ]);
    expect(error).toMatchObject({ name: "ApiError", status: 404 });
    expect(error.message).toContain('Step Name: no step named "Nowhere"');
    expect(error.message).toContain("check Lead ID");
  });

  it("an error that names no sent parameter keeps the generic hint", async () => {
    const error = await errorFrom("getLead", { leadId: "999999" });
    expect(error).toMatchObject({ name: "ApiError", status: 404 });
    expect(error.message).toContain("The record does not exist");
  });
});
