/** The Leads section of the API document. */
import attachments from "./attachments";
import comments from "./comments";
import jobs from "./jobs";
import list from "./list";
import manage from "./manage";
import write from "./write";

export default [...list, ...write, ...manage, ...comments, ...attachments, ...jobs];
