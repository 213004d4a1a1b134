/** Pipelines and their steps (read-only in the API). */
import { endpoint, inPath, inQuery, resource } from "../endpoint";
import { pipelineList, step, stepList } from "../examples/pipelines";
import { choiceInput, textInput } from "../inputs";

/** The API's `/steps/{id}` takes a step's id or its name. */
const stepIdOrName = textInput({
  label: "Step",
  required: true,
  dataSource: "selectStep",
  example: "1189",
  comments:
    "The step, by id (1189) or by name (Incoming): pick it from the list, or map either from a previous step.",
});

const stepOrder = choiceInput({
  label: "Direction",
  choices: ["asc", "desc"] as const,
  labels: { asc: "First step first", desc: "Last step first" },
  comments:
    "Order of the steps by their position in the pipeline (the API's default: first step first).",
});

const listSteps = endpoint({
  key: "listSteps",
  label: "List Pipeline Steps",
  description:
    "List the steps of every pipeline of the account, ordered by their position, each with its pipeline.",
  method: "GET",
  path: "/steps",
  params: { direction: inQuery(stepOrder) },
  example: stepList,
});

const getStep = endpoint({
  key: "getStep",
  label: "Get Pipeline Step",
  description: "Retrieve one pipeline step by its id or its name, with its pipeline.",
  method: "GET",
  path: "/steps/{step}",
  params: { step: inPath(stepIdOrName) },
  example: step,
});

const listPipelines = endpoint({
  key: "listPipelines",
  label: "List Pipelines",
  description: "List the pipelines (sales funnels) of the account, and which one is the default.",
  method: "GET",
  path: "/pipelines",
  example: pipelineList,
});

export default [
  ...resource("Steps", [listSteps, getStep]),
  ...resource("Pipelines", [listPipelines]),
];
