/** The jobs users do in one step each (issue 15), built on the lead endpoints. */
import change from "./change";
import count from "./count";
import find from "./find";
import reminders from "./reminders";
import roundRobin from "./roundRobin";
import upsert from "./upsert";

export default [...find, ...upsert, ...change, ...count, ...reminders, ...roundRobin];
