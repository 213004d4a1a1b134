/** Pipelines and their steps (read-only in the API). */
import { input } from "@prismatic-io/spectral";
import { type EndpointSpec, endpointActions, inPath, inQuery } from "../endpoint";
import { choiceInput } from "../inputs";
import { RequiredError, toText } from "../validate";

const salesFunnel = {
  id: 25,
  name: "Sales funnel",
  is_default: true,
  created_at: "2016-04-22T22:03:20.000Z",
  updated_at: "2016-04-22T22:03:20.000Z",
};

const incoming = {
  id: 1189,
  name: "Incoming",
  position: 1,
  created_at: "2015-04-22T22:03:20.000Z",
  updated_at: "2015-04-22T22:03:20.000Z",
  pipeline_id: 25,
  pipeline: salesFunnel,
};

/** The API's `/steps/{id}` takes a step's id or its name. */
const stepIdOrName = input({
  label: "Step",
  type: "string",
  required: true,
  dataSource: "selectStep",
  example: "1189",
  comments:
    "The step, by id (1189) or by name (Incoming): pick it from the list, or map either from a previous step.",
  clean: (value: unknown): string => {
    const text = toText("Step", value)?.trim();
    if (!text) throw new RequiredError("Step");
    return text;
  },
});

const stepOrder = choiceInput({
  label: "Direction",
  choices: ["asc", "desc"] as const,
  labels: { asc: "First step first", desc: "Last step first" },
  comments:
    "Order of the steps by their position in the pipeline (the API's default: first step first).",
});

const listSteps: EndpointSpec = {
  key: "listSteps",
  label: "List Pipeline Steps",
  description:
    "List the steps of every pipeline of the account, ordered by their position, each with its pipeline.",
  method: "GET",
  path: "/steps",
  params: { direction: inQuery(stepOrder) },
  example: [
    incoming,
    { ...incoming, id: 1190, name: "In-touch", position: 2 },
    { ...incoming, id: 1191, name: "Closing", position: 3 },
  ],
};

const getStep: EndpointSpec = {
  key: "getStep",
  label: "Get Pipeline Step",
  description: "Retrieve one pipeline step by its id or its name, with its pipeline.",
  method: "GET",
  path: "/steps/{id}",
  params: { step: inPath(stepIdOrName, "id") },
  example: incoming,
};

const listPipelines: EndpointSpec = {
  key: "listPipelines",
  label: "List Pipelines",
  description: "List the pipelines (sales funnels) of the account, and which one is the default.",
  method: "GET",
  path: "/pipelines",
  example: [
    salesFunnel,
    {
      id: 26,
      name: "Accounting funnel",
      is_default: false,
      created_at: "2016-04-26T22:03:20.000Z",
      updated_at: "2016-04-26T22:03:20.000Z",
    },
  ],
};

export default endpointActions([listSteps, getStep, listPipelines]);
