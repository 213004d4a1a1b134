/** Attachments of a lead: list, download URL (kind "attachment" only), multipart upload, delete. */
import { missingParameter, notFound, or404 } from "../../http";
import type { Emulator } from "../../server";
import type { Lead, Store } from "../../store";
import { leadOf } from "./shared";

export interface LeadAttachment {
  id: number;
  lead_id: number;
  name: string;
  content_type: string | null;
  /** attachment, business_card, freshbooks_estimate, … (only "attachment" can be downloaded). */
  kind: string;
  url: string;
  size: number;
}

export const attachments = (store: Store) => store.table<LeadAttachment>("leadAttachments");

function attachmentJson(a: LeadAttachment) {
  return { id: a.id, name: a.name, url: a.url, content_type: a.content_type, kind: a.kind };
}

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
    const own = [...attachments(store).values()].filter((a) => a.lead_id === lead.id);
    return { body: own.map(attachmentJson) };
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
    lead.attachment_count = Number(lead.attachment_count ?? 0) + 1;
    lead.updated_at = store.now();
    return { status: 201, body: attachmentJson(attachment) };
  });

  router.on("DELETE", "/leads/:lead_id/attachments/:id", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const attachment = attachmentOf(store, lead, ctx.params.id);
    attachments(store).delete(attachment.id);
    lead.attachment_count = Math.max(0, Number(lead.attachment_count ?? 1) - 1);
    lead.updated_at = store.now();
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
  lead.attachment_count = 2;
}
