/** The Leads section of the API document: its 20 endpoints as actions. */
import { endpointActions } from "../../endpoint";
import attachments from "./attachments";
import comments from "./comments";
import list from "./list";
import manage from "./manage";
import write from "./write";

export default endpointActions([...list, ...write, ...manage, ...comments, ...attachments]);
