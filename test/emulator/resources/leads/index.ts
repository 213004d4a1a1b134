/**
 * The Leads section of the API document: 20 endpoints over the store's `leads` table, with
 * comments, attachments and action histories in tables of their own. Every write moves the
 * store's clock and sets `updated_at`, emits the document's base lead events and the live
 * `lead.any_update` for webhook deliveries. Leads are shown by ./present (list item, single lead
 * with `extended_info`, delivery data), descriptions in the configured form (./description).
 */
import type { Emulator } from "../../server";
import type { Store } from "../../store";
import * as attachments from "./attachments";
import * as comments from "./comments";
import * as histories from "./histories";
import { leadJson } from "./present";
import * as records from "./records";

/** The document's history example, on lead 8113. */
function seedHistories(store: Store): void {
  histories.recordHistory(store, 514, 8113, "lead_created", { id: 8113 });
  histories.recordHistory(store, 514, 8113, "amount_set", {
    id: 1402,
    amount: 2400.0,
    probability: 30,
    currency: "USD",
  });
  histories.recordHistory(store, 514, 8113, "status_changed", { id: 2, name: "standby" });
}

export function register(emu: Emulator): void {
  emu.store.presentLead = (lead) => leadJson(emu, lead);
  records.register(emu);
  comments.register(emu);
  attachments.register(emu);
  histories.register(emu);
  records.seed(emu.store);
  comments.seed(emu.store);
  attachments.seed(emu.store);
  seedHistories(emu.store);
}
