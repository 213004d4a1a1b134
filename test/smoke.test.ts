import { expect, it } from "vitest";
import { apiKeyConnection, expectSent, harness, useEmulator } from "./helpers";

const emu = useEmulator();

it("pings", async () => {
  const result = await harness.action("testConnection", { connection: apiKeyConnection(emu) });
  expect(result?.data).toEqual({ status: 200, message: "Your API key is correct." });
  expectSent(emu, [{ method: "GET", path: "/ping", status: 200 }]);
});
