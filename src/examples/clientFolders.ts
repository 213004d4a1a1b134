/** Client folders: the companies that group leads. */
import { accountUrl, noFields as noLeadFields } from ".";
import { userSummary } from "./users";

/** Every predefined field type, as a client folder's `extended_info.fields` lists them. */
const noFields = { ...noLeadFields, city: null, zipcode: null, state: null, country: null };

/** A list item of List Client Folders: client folder 12 "Acme", lead 8113's client. */
export const clientFolderListItem = {
  id: 12,
  name: "Acme",
  description:
    "Billing address: 123 heaven avenue, San Francisco CA&nbsp;94103<br />Shipping address: 456 pretty boulevard, Paradise CA&nbsp;94188",
  is_active: true,
  created_at: "2015-01-30T22:03:14.000Z",
  user_id: userSummary.id,
};

/** Get Client Folder: the folder with its fields (by type and by the account's names) and owner. */
export const clientFolder = {
  ...clientFolderListItem,
  extended_info: {
    permalink: accountUrl("/clients/12"),
    fields: noFields,
    fields_by_name: {
      Address: null,
      "Billing address": "123 heaven avenue, San Francisco CA 94103",
    },
    user: userSummary,
  },
};

/** Create Client Folder: client folder 13 "Blue Client". */
export const createdClientFolder = {
  id: 13,
  name: "Blue Client",
  description: "Address: 2344 Paradise Av, Eden CA 90001",
  is_active: true,
  created_at: "2017-02-17T22:03:20.000Z",
  user_id: userSummary.id,
  extended_info: {
    permalink: accountUrl("/clients/13"),
    fields: { ...noFields, address: "2344 Paradise Av, Eden CA 90001" },
    fields_by_name: { Address: "2344 Paradise Av, Eden CA 90001", "Billing address": null },
    user: userSummary,
  },
};

/** List Client Folders (by name): inactive folders are listed too. */
export const clientFolderList = [
  clientFolderListItem,
  {
    id: 13,
    name: createdClientFolder.name,
    description: createdClientFolder.description,
    is_active: true,
    created_at: createdClientFolder.created_at,
    user_id: userSummary.id,
  },
  {
    id: 2,
    name: "Corporate",
    description: "",
    is_active: false,
    created_at: "2015-04-22T22:03:20.000Z",
    user_id: userSummary.id,
  },
];

/** Update Client Folder: folder 12 renamed. */
export const updatedClientFolder = { ...clientFolder, name: "Blue Corp" };

/** A client folder as a lead's `extended_info.client_folder` embeds it. */
export const clientFolderRef = (folder: typeof clientFolderListItem) => ({
  id: folder.id,
  name: folder.name,
  description: folder.description,
  is_active: folder.is_active,
  created_at: folder.created_at,
});
