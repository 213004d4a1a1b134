/** Files attached to lead 8113. */
import { accountUrl } from "..";

/** List Lead Attachments: a file, and an estimate of an accounting integration. */
export const attachmentList = [
  {
    id: 422,
    name: "You_Dont_Need_a_CRM.pdf",
    url: accountUrl("/attachments/422"),
    content_type: "application/pdf",
    kind: "attachment",
  },
  {
    id: 15,
    name: "0000004",
    url: "https://mycompany.freshbooks.com/showEstimate?estimateid=34432",
    content_type: null,
    kind: "freshbooks_estimate",
  },
];

/** Upload Lead Attachment. */
export const uploadedAttachment = {
  id: 423,
  name: "quote.pdf",
  url: "https://ydncrm-attach.s3.amazonaws.com/uploads/attachment/423/quote.pdf?X-Amz-Expires=180",
  content_type: "application/pdf",
  kind: "attachment",
};

/** Get Lead Attachment Download URL: valid a few minutes. */
export const attachmentDownload = {
  url: "https://ydncrm-attach.s3.amazonaws.com/6287/422/You_Dont_Need_a_CRM.pdf?X-Amz-Expires=180&X-Amz-Date=20190712T192824Z",
};

/** Get Lead Business Card: the picture the lead was created from, valid a few minutes. */
export const businessCard = {
  url: "https://ydncrm-attach.s3.amazonaws.com/dev-uploads/attachment/412/NY.jpg?X-Amz-Expires=180&X-Amz-Date=20160127T182551Z",
};
