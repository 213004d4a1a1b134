/** Pipelines and their steps: by id, and by exact step name for the List Leads step filter. */
import { stepList as exampleSteps, pipelineList } from "../examples/pipelines";
import { byText, type PicklistSpec, picklist } from "./picklist";

interface Pipeline {
  id: number;
  name: string;
}

interface Step {
  id: number;
  name: string;
  position: number;
  pipeline_id: number;
  pipeline?: Pipeline | null;
}

const stepLabel = (step: Step): string =>
  step.pipeline?.name ? `${step.pipeline.name} › ${step.name}` : step.name;

/** Pipeline (by name, then id for namesakes), then the step's position in it. */
const pipelineThenPosition = (a: Step, b: Step): number =>
  byText(a.pipeline?.name ?? "", b.pipeline?.name ?? "") ||
  a.pipeline_id - b.pipeline_id ||
  a.position - b.position;

// One GET /steps: each step carries its pipeline, so no request per pipeline is needed.
const stepList = {
  path: "/steps",
  itemLabel: stepLabel,
  order: pipelineThenPosition,
} satisfies Partial<PicklistSpec<Step>>;

const selectStep = picklist({
  ...stepList,
  key: "selectStep",
  label: "Select Step",
  description: "Pick a pipeline step, labelled “Pipeline › Step”, in pipeline then position order.",
  example: exampleSteps,
});

const selectStepName = picklist({
  ...stepList,
  key: "selectStepName",
  label: "Select Step Name",
  description:
    "Pick a step by its exact name (for inputs that take step names, like the List Leads step filter), labelled “Pipeline › Step”.",
  itemKey: (step) => step.name,
  example: exampleSteps,
});

const selectPipeline = picklist({
  key: "selectPipeline",
  label: "Select Pipeline",
  description: "Pick a pipeline, by name.",
  path: "/pipelines",
  itemLabel: (pipeline: Pipeline) => pipeline.name,
  example: pipelineList,
});

export default [selectStep, selectStepName, selectPipeline];
