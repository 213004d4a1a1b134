/**
 * performSafety, read from the registry: the designer may run an action inline ("safe") only
 * when it is a GET that changes nothing. Every write, and every GET whose declaration names a
 * side effect, is "notAllowed". Then the claims are checked against the emulator: a safe
 * action's typical call sends only GETs and leaves the sessions alone, and each flagged GET
 * really changes something.
 */
import { describe, expect, it } from "vitest";
import type { RegisteredEndpoint } from "../src/endpoint";
import { type Emulator, startEmulator } from "./emulator";
import { ACTIVATION_EMAILS } from "./emulator/resources/users";
import {
  apiKeyConnection,
  component,
  dataOf,
  expectSent,
  harness,
  idOf,
  loginConnection,
  registry,
} from "./helpers";
import { typicalParams } from "./typicalCalls";

/** spectral hands Prismatic the server form: "SAFE" or "NOT_ALLOWED". */
const safetyOf = (key: string) =>
  (component.actions[key] as unknown as { performSafety?: string }).performSafety;

const keys = (endpoints: RegisteredEndpoint[]) => endpoints.map((e) => e.key).sort();

const gets = registry.filter((e) => e.method === "GET");
const flaggedGets = gets.filter((e) => e.sideEffect);
const safe = gets.filter((e) => !e.sideEffect);

/** Runs `body` on a fresh emulator, stopped after. */
async function onFreshEmulator<T>(body: (emu: Emulator) => Promise<T>): Promise<T> {
  const emu = await startEmulator();
  try {
    return await body(emu);
  } finally {
    await emu.stop();
  }
}

describe("performSafety of every action, from its declaration", () => {
  it("every action declares it", () => {
    for (const endpoint of registry) {
      expect(["SAFE", "NOT_ALLOWED"], endpoint.key).toContain(safetyOf(endpoint.key));
    }
  });

  it("every write (POST, PUT, DELETE) is notAllowed", () => {
    const writes = registry.filter((e) => e.method !== "GET");
    expect(writes.length).toBeGreaterThan(30);
    for (const endpoint of writes) expect(safetyOf(endpoint.key), endpoint.key).toBe("NOT_ALLOWED");
  });

  it("the GETs with side effects are exactly these, each notAllowed with its reason", () => {
    expect(keys(flaggedGets)).toEqual([
      "logIn",
      "logInAsUser",
      "logOut",
      "rawRequest",
      "sendUserActivationEmail",
    ]);
    for (const endpoint of flaggedGets) {
      expect(safetyOf(endpoint.key), endpoint.key).toBe("NOT_ALLOWED");
      expect(endpoint.sideEffect?.length, endpoint.key).toBeGreaterThan(5);
    }
  });

  it("every other GET is safe", () => {
    expect(safe.length).toBeGreaterThan(20);
    for (const endpoint of safe) expect(safetyOf(endpoint.key), endpoint.key).toBe("SAFE");
  });
});

describe("safe actions change nothing", () => {
  for (const endpoint of safe) {
    it(`${endpoint.key}: its typical call sends only GETs and opens or ends no session`, async () => {
      await onFreshEmulator(async (emu) => {
        const sessions = [...emu.tokens.keys()];
        const params = typicalParams(endpoint);
        await harness.action(endpoint.key, { connection: apiKeyConnection(emu), ...params });
        // One GET of its own path, placeholders filled from the call's inputs (as sent, encoded).
        const path = endpoint.path.replace(/\{(\w+)\}/g, (_, key: string) =>
          encodeURIComponent(String(params[key])),
        );
        expectSent(emu, [{ method: "GET", path }], endpoint.key);
        expect([...emu.tokens.keys()]).toEqual(sessions);
      });
    });
  }
});

describe("each flagged GET does change something", () => {
  it("Log In and Log In As User open a session (a new token)", async () => {
    for (const key of ["logIn", "logInAsUser"]) {
      await onFreshEmulator(async (emu) => {
        const before = emu.tokens.size;
        const endpoint = registry.find((e) => e.key === key) as RegisteredEndpoint;
        await harness.action(key, {
          connection: apiKeyConnection(emu),
          ...typicalParams(endpoint),
        });
        expect(emu.tokens.size, key).toBe(before + 1);
      });
    }
  });

  it("Log Out ends the connection's session", async () => {
    await onFreshEmulator(async (emu) => {
      const connection = loginConnection(emu);
      await harness.action("testConnection", { connection });
      expect(emu.tokens.size).toBe(1);
      const result = await harness.action("logOut", { connection });
      expect(result?.data).toEqual({ loggedOut: true });
      expect(emu.tokens.size).toBe(0);
    });
  });

  it("Send Activation Email emails the user", async () => {
    await onFreshEmulator(async (emu) => {
      const connection = apiKeyConnection(emu);
      const created = await harness.action("createUser", { connection, email: "new@example.com" });
      const userId = String(idOf(dataOf(created)));
      const sent = emu.store.table(ACTIVATION_EMAILS);
      const before = sent.size;
      const result = await harness.action("sendUserActivationEmail", { connection, userId });
      expect(result?.data).toEqual({ sent: true, alreadyActivated: false });
      expect(sent.size).toBe(before + 1);
    });
  });

  it("Raw Request sends whatever method it is given", async () => {
    await onFreshEmulator(async (emu) => {
      await harness.action("rawRequest", {
        connection: apiKeyConnection(emu),
        method: "POST",
        path: "/leads",
        body: JSON.stringify({ title: "Raw", description: "Firstname: Ann" }),
      });
      expectSent(emu, [
        {
          method: "POST",
          path: "/leads",
          query: {},
          body: { title: "Raw", description: "Firstname: Ann" },
          status: 201,
        },
      ]);
    });
  });
});
