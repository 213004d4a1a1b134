/** Client folders: the companies (clients) that group leads. */

import { endpoint, inBody, inPath, inQuery, resource } from "../endpoint";
import { InputError } from "../errors";
import {
  clientFolder,
  clientFolderList,
  createdClientFolder,
  updatedClientFolder,
} from "../examples/clientFolders";
import { choiceInput, clientFolderId, textInput, userInput } from "../inputs";
import { isEmpty } from "../validate";

const name = (required: boolean) =>
  textInput({
    label: "Name",
    required,
    example: "Blue Client",
    placeholder: "Acme Corp",
    comments: required
      ? "The client folder's name, usually the client company's name."
      : "A new name for the client folder. Leave empty to keep the current one.",
  });

const description = (create: boolean) =>
  textInput({
    label: "Description",
    multiline: true,
    example: "Address: 2344 Paradise Av, Eden CA 90001",
    comments: create
      ? "Optional free text about the client, such as its address."
      : "A new description (replaces the current one). Leave empty to keep the current one.",
  });

const listOrder = choiceInput({
  label: "Order By",
  choices: ["name", "id"] as const,
  labels: { name: "Name", id: "ID (creation order)" },
  comments: "Sort the client folders by name (the API's default) or by id.",
});

const listDirection = choiceInput({
  label: "Direction",
  choices: ["asc", "desc"] as const,
  labels: { asc: "Ascending (A to Z, oldest first)", desc: "Descending (Z to A, newest first)" },
  comments: "Sort order (the API's default: ascending).",
});

/**
 * A dropdown rather than a toggle: the platform sends an untouched toggle as false, which would
 * deactivate the folder on every update.
 */
const folderStatus = choiceInput({
  label: "Status",
  choices: ["active", "inactive"] as const,
  labels: { active: "Active", inactive: "Inactive" },
  comments: "Make the client folder active or inactive. Leave empty to keep its current status.",
});

const owner = userInput({
  label: "Owner",
  example: "stef@example.com",
  comments:
    "Optional: the user the client folder belongs to, by id or email. Only with an API Key connection without Act as User: with a user login the API refuses it, and the folder belongs to that user.",
});

const listClientFolders = endpoint({
  key: "listClientFolders",
  label: "List Client Folders",
  description:
    "List the account's client folders (companies), sorted by name unless chosen otherwise.",
  method: "GET",
  path: "/clients",
  params: { order: inQuery(listOrder), direction: inQuery(listDirection) },
  example: clientFolderList,
});

const createClientFolder = endpoint({
  key: "createClientFolder",
  label: "Create Client Folder",
  description: "Create a client folder (company) to group leads, optionally owned by a given user.",
  method: "POST",
  path: "/clients",
  params: {
    name: inBody(name(true)),
    description: inBody(description(true)),
    owner: inBody(owner, { name: "user_id", access: "apiKey" }),
  },
  example: createdClientFolder,
});

const getClientFolder = endpoint({
  key: "getClientFolder",
  label: "Get Client Folder",
  description:
    "Retrieve a client folder by its id, with its fields (address, phone, …), link and owner.",
  method: "GET",
  path: "/clients/{clientFolderId}",
  params: { clientFolderId: inPath(clientFolderId) },
  example: clientFolder,
});

const updateClientFolder = endpoint({
  key: "updateClientFolder",
  label: "Update Client Folder",
  description:
    "Rename a client folder, change its description or make it (in)active; only filled inputs change.",
  method: "PUT",
  path: "/clients/{clientFolderId}",
  params: {
    clientFolderId: inPath(clientFolderId),
    name: inBody(name(false)),
    description: inBody(description(false)),
    status: inBody(folderStatus, { name: "is_active", send: (status) => status === "active" }),
  },
  sample: { name: "Acme" },
  validate: (values) => {
    if (isEmpty(values.name) && isEmpty(values.description) && isEmpty(values.status)) {
      throw new InputError("Name", "nothing to update: fill in Name, Description or Status.");
    }
  },
  example: updatedClientFolder,
});

const deleteClientFolder = endpoint({
  key: "deleteClientFolder",
  label: "Delete Client Folder",
  description: "Delete a client folder by its id. Returns the id of the deleted folder.",
  method: "DELETE",
  path: "/clients/{clientFolderId}",
  params: { clientFolderId: inPath(clientFolderId) },
  example: { id: 12 },
});

export default resource("Client folders", [
  listClientFolders,
  createClientFolder,
  getClientFolder,
  updateClientFolder,
  deleteClientFolder,
]);
