import { expect, it } from "vitest";
import { apiKeyConnection, harness, useEmulator } from "./helpers";

const emu = useEmulator();

it("pings", async () => {
  const result = await harness.action("testConnection", { connection: apiKeyConnection(emu) });
  expect(result?.data).toEqual({ status: 200, message: "Your API key is correct." });
  expect(emu.requests("GET", "/ping")).toHaveLength(1);
});
