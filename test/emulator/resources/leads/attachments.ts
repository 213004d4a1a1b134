/**
 * Attachments of a lead: list, download URL (kind "attachment" only), multipart upload, delete.
 * A lead's `attachment_count` is counted from this table, never stored.
 */
import { missingParameter, notFound, or404 } from "../../http";
import type { Emulator } from "../../server";
import type { Lead, Store } from "../../store";
import { attachmentJson, attachments, attachmentsOf, type LeadAttachment } from "./model";
import { announceLead, leadOf } from "./shared";

export { attachments, type LeadAttachment } from "./model";

/** A short-lived download address, in the shape of the live API's S3 links. */
function downloadUrl(a: LeadAttachment): string {
  return `https://attachments.emulator.invalid/${a.lead_id}/${a.id}/${encodeURIComponent(a.name)}?X-Amz-Expires=180`;
}

function attachmentOf(store: Store, lead: Lead, raw: string | undefined): LeadAttachment {
  return or404(attachments(store).get(Number(raw)), (a) => a.lead_id === lead.id);
}

export function register(emu: Emulator): void {
  const { router, store } = emu;

  router.on("GET", "/leads/:lead_id/attachments", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    return { body: attachmentsOf(store, lead.id).map(attachmentJson) };
  });

  router.on("GET", "/leads/:lead_id/attachments/:id", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const attachment = attachmentOf(store, lead, ctx.params.id);
    if (attachment.kind !== "attachment") throw notFound();
    return { body: { url: downloadUrl(attachment) } };
  });

  router.on("POST", "/leads/:lead_id/attachments", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const part = ctx.parts.find((p) => p.name === "attachment" && p.filename);
    if (!part) throw missingParameter();
    const attachment: LeadAttachment = {
      id: store.nextId(),
      lead_id: lead.id,
      name: part.filename ?? "file",
      content_type: part.contentType ?? null,
      kind: "attachment",
      url: "",
      size: part.data.length,
    };
    attachment.url = downloadUrl(attachment);
    attachments(store).set(attachment.id, attachment);
    lead.updated_at = store.now();
    announceLead(emu, lead);
    return { status: 201, body: attachmentJson(attachment) };
  });

  router.on("DELETE", "/leads/:lead_id/attachments/:id", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const attachment = attachmentOf(store, lead, ctx.params.id);
    attachments(store).delete(attachment.id);
    lead.updated_at = store.now();
    announceLead(emu, lead);
    return { body: { id: attachment.id } };
  });
}

/** The document's examples, on lead 8113: a file, and a Freshbooks estimate (not downloadable). */
export function seed(store: Store): void {
  const lead = store.leads.get(8113);
  if (!lead) return;
  const table = attachments(store);
  table.set(422, {
    id: 422,
    lead_id: 8113,
    name: "You_Dont_Need_a_CRM.pdf",
    content_type: "application/pdf",
    kind: "attachment",
    url: "https://emulator.propipelines.com/attachments/422",
    size: 1024,
  });
  table.set(15, {
    id: 15,
    lead_id: 8113,
    name: "0000004",
    content_type: null,
    kind: "freshbooks_estimate",
    url: "https://mycompany.freshbooks.com/showEstimate?estimateid=34432",
    size: 0,
  });
}
