/** Files attached to a lead: list, download URL, upload (multipart), delete. */
import FormData from "form-data";
import { endpoint, inPath, local, resource } from "../../endpoint";
import { InputError } from "../../errors";
import {
  attachmentDownload,
  attachmentList,
  uploadedAttachment,
} from "../../examples/leads/attachments";
import { fileInput, idInput, leadId, textInput } from "../../inputs";

const attachmentId = idInput({
  label: "Attachment ID",
  required: true,
  example: "422",
  comments:
    "The attachment: map its id from List Lead Attachments or Upload Lead Attachment. Integration documents (estimates, invoices) cannot be downloaded.",
});

const listLeadAttachments = endpoint({
  key: "listLeadAttachments",
  label: "List Lead Attachments",
  description:
    "List a lead's files, and its accounting integrations' estimates and invoices (see each kind).",
  method: "GET",
  path: "/leads/{leadId}/attachments",
  params: { leadId: inPath(leadId) },
  example: attachmentList,
});

const getLeadAttachment = endpoint({
  key: "getLeadAttachment",
  label: "Get Lead Attachment Download URL",
  description:
    "Get a short-lived download URL of a file attached to a lead (kind 'attachment' only).",
  method: "GET",
  path: "/leads/{leadId}/attachments/{attachmentId}",
  params: { leadId: inPath(leadId), attachmentId: inPath(attachmentId) },
  example: attachmentDownload,
});

/** Content types of common attachments, when the file does not carry its own. */
const CONTENT_TYPES: Record<string, string> = {
  csv: "text/csv",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  gif: "image/gif",
  jpeg: "image/jpeg",
  jpg: "image/jpeg",
  json: "application/json",
  pdf: "application/pdf",
  png: "image/png",
  txt: "text/plain",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
};

function contentTypeFor(fileName: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return CONTENT_TYPES[extension] ?? "application/octet-stream";
}

function checkFileName(name: string): void {
  if (/[/\\\r\n"]/.test(name)) {
    throw new InputError(
      "File Name",
      `"${name}" must be a plain file name such as quote.pdf (no folders, quotes or line breaks).`,
    );
  }
}

const uploadLeadAttachment = endpoint({
  key: "uploadLeadAttachment",
  label: "Upload Lead Attachment",
  description: "Attach a file from a previous step (a download, a generated PDF, text) to a lead.",
  method: "POST",
  path: "/leads/{leadId}/attachments",
  params: {
    leadId: inPath(leadId),
    file: local(
      fileInput({
        label: "File",
        required: true,
        comments: "The file's content: map binary data or text from a previous step.",
      }),
    ),
    fileName: local(
      textInput({
        label: "File Name",
        required: true,
        maxLength: 255,
        example: "quote.pdf",
        comments:
          "The name the file gets on the lead, with its extension (quote.pdf): the extension sets the file type when the data has none.",
      }),
    ),
  },
  validate: (values) => checkFileName(values.fileName),
  // One multipart field `attachment` carrying the file name, as the API's upload expects.
  prepare: (request, values) => {
    const file = values.file;
    const filename = values.fileName.trim();
    const form = new FormData();
    form.append("attachment", file.data, {
      filename,
      contentType: file.contentType ?? contentTypeFor(filename),
    });
    return { ...request, form };
  },
  example: uploadedAttachment,
});

const deleteLeadAttachment = endpoint({
  key: "deleteLeadAttachment",
  label: "Delete Lead Attachment",
  description: "Remove a file attached to a lead.",
  method: "DELETE",
  path: "/leads/{leadId}/attachments/{attachmentId}",
  params: { leadId: inPath(leadId), attachmentId: inPath(attachmentId) },
  example: { id: 422 },
});

export default resource("Leads", [
  listLeadAttachments,
  getLeadAttachment,
  uploadLeadAttachment,
  deleteLeadAttachment,
]);
