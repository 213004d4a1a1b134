/**
 * API errors in the builder's words: a refused parameter is named by its input's label and the
 * value given, not by the API's parameter name.
 */
import { describe, expect, it } from "vitest";
import { errorRunner, expectSent, useEmulator } from "./helpers";

const emu = useEmulator();
const errorFrom = errorRunner(emu);

describe("a parameter Pro Pipe Lines refuses is named by its input", () => {
  it("an unknown owner: Owner, with the value, not user_id", async () => {
    const error = await errorFrom("updateLead", { leadId: "8113", userId: "nobody@example.com" });
    expectSent(emu, [
      {
        method: "PUT",
        path: "/leads/8113",
        query: {},
        body: { user_id: "nobody@example.com" },
        status: 400,
      },
    ]);
    expect(error).toMatchObject({ name: "ApiError", status: 400 });
    expect(error.message).toContain(
      'Owner: no active user "nobody@example.com" in this account: pick a user from the list.',
    );
    expect(error.message).not.toMatch(/user_id:/);
  });

  it("an unknown step name: Step Name, with the name", async () => {
    const error = await errorFrom("updateLead", { leadId: "8113", stepName: "Nowhere" });
    expectSent(emu, [
      { method: "PUT", path: "/leads/8113", query: {}, body: { step: "Nowhere" }, status: 404 },
    ]);
    expect(error).toMatchObject({ name: "ApiError", status: 404 });
    expect(error.message).toContain('Step Name: no step named "Nowhere"');
    expect(error.message).toContain("check Lead ID");
  });

  it("an error that names no sent parameter keeps the generic hint", async () => {
    const error = await errorFrom("getLead", { leadId: "999999" });
    expect(error).toMatchObject({ name: "ApiError", status: 404 });
    expect(error.message).toContain("The record does not exist");
    expectSent(emu, [{ method: "GET", path: "/leads/999999", query: {}, status: 404 }]);
  });
});
