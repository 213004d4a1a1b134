/**
 * The built component (dist/index.js) under spectral's harness, connections to an emulator (or
 * any account), and webhook deliveries as the platform hands them to a trigger. Free of vitest,
 * so the bench and the scripts use it too; tests import it through ./helpers.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ConnectionDefinition } from "@prismatic-io/spectral";
import type { Component } from "@prismatic-io/spectral/dist/serverTypes";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import type { RegisteredEndpoint, Resource } from "../src/endpoint";
import { DEFAULT_API_KEY, type Emulator } from "./emulator";
import { signEvent } from "./emulator/resources/webhooks";

/** The bundle as published: dist/index.js of the working directory (the repository root). */
const bundle = createRequire(join(process.cwd(), "package.json"))("./dist/index.js");

/** The component, as Prismatic loads it. */
export const component: Component = bundle.default;

/** The endpoint declarations the actions are made from (for docs, coverage and the bench). */
export const registry: RegisteredEndpoint[] = bundle.registry;

/** The API document's sections, in its order. */
export const RESOURCES: readonly Resource[] = bundle.RESOURCES;

export const harness = createHarness(component as Parameters<typeof createHarness>[0]);

export type ConnectionValue = ReturnType<typeof createConnection>;

/** The password of every seeded emulator user. */
export const USER_PASSWORD = "correct horse battery staple";

const connectionKey = (key: string) => ({ key }) as ConnectionDefinition;

/** Where a connection points: an emulator, or any `{ account }`. */
type Account = Pick<Emulator, "account">;

export function apiKeyConnection(
  to: Account,
  fields: { apiKey?: string; actAsUser?: string; account?: string } = {},
): ConnectionValue {
  return createConnection(connectionKey("apiKey"), {
    account: fields.account ?? to.account,
    apiKey: fields.apiKey ?? DEFAULT_API_KEY,
    actAsUser: fields.actAsUser ?? "",
  });
}

export function loginConnection(
  to: Account,
  email = "stef@example.com",
  password = USER_PASSWORD,
): ConnectionValue {
  return createConnection(connectionKey("userLogin"), { account: to.account, email, password });
}

/** A webhook event as Pro Pipe Lines sends it, signed with `apiKey` as the emulator signs. */
export const signedEvent = (
  id: number,
  event: string,
  data: unknown,
  apiKey = DEFAULT_API_KEY,
) => ({
  id,
  event,
  signature: signEvent(id, apiKey),
  data,
});

/** A delivery as the platform hands it to the trigger: raw bytes plus the parsed body. */
export function delivery(body: unknown) {
  const text = JSON.stringify(body);
  return {
    headers: { "content-type": "application/json" },
    rawBody: { data: Buffer.from(text, "utf8"), contentType: "application/json" },
    body: { data: JSON.parse(text), contentType: "application/json" },
  };
}
