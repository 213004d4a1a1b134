/** The built component (dist/index.js) under spectral's harness, and connections to an emulator. */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ConnectionDefinition } from "@prismatic-io/spectral";
import type { Component } from "@prismatic-io/spectral/dist/serverTypes";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import { DEFAULT_API_KEY, type Emulator } from "../test/emulator";

export const BUNDLE = join(process.cwd(), "dist", "index.js");

export const component: Component = createRequire(join(process.cwd(), "package.json"))(
  "./dist/index.js",
).default;

export const harness = createHarness(component as Parameters<typeof createHarness>[0]);

export type ConnectionValue = ReturnType<typeof createConnection>;

const keyed = (key: string) => ({ key }) as ConnectionDefinition;

export function apiKeyConnection(
  emu: Emulator,
  fields: { apiKey?: string; actAsUser?: string } = {},
): ConnectionValue {
  return createConnection(keyed("apiKey"), {
    account: emu.account,
    apiKey: fields.apiKey ?? DEFAULT_API_KEY,
    actAsUser: fields.actAsUser ?? "",
  });
}

export function loginConnection(
  emu: Emulator,
  email = "stef@example.com",
  password = "correct horse battery staple",
): ConnectionValue {
  return createConnection(keyed("userLogin"), { account: emu.account, email, password });
}

/** The message of whatever a step threw (spectral's error hook returns our errors). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
