/** The built component (dist/index.js) under spectral's harness, and connections to an emulator. */
import { join } from "node:path";
import { Emulator } from "../test/emulator";
import { delivery, type harness, signedEvent } from "../test/harness";

export {
  apiKeyConnection,
  type ConnectionValue,
  component,
  harness,
  loginConnection,
  USER_PASSWORD,
} from "../test/harness";

export const BUNDLE = join(process.cwd(), "dist", "index.js");

/** The message of whatever a step threw (spectral's error hook returns our errors). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A signed delivery of a lead creation (the account's first lead), as the API sends it. */
export function leadCreatedDelivery(emu: Emulator, eventId = 990_001) {
  const lead = [...emu.store.leads.values()][0];
  const data = lead ? emu.store.leadJson(lead) : {};
  const body = delivery({ webhook_event: signedEvent(eventId, "lead.creation", data) });
  return body as unknown as Parameters<typeof harness.trigger>[1];
}

/** A live-like emulator whose daily quota never stops a measurement. */
export const startAccount = () => new Emulator({ dailyQuota: 1_000_000_000 }).start();
