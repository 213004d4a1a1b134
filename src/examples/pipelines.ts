/** Pipelines and their steps. */

/** Pipeline 25 "Sales funnel", the account's default. */
export const pipeline = {
  id: 25,
  name: "Sales funnel",
  is_default: true,
  created_at: "2016-04-22T22:03:20.000Z",
  updated_at: "2016-04-22T22:03:20.000Z",
};

const accountingPipeline = {
  id: 26,
  name: "Accounting funnel",
  is_default: false,
  created_at: "2016-04-26T22:03:20.000Z",
  updated_at: "2016-04-26T22:03:20.000Z",
};

/** List Pipelines. */
export const pipelineList = [pipeline, accountingPipeline];

/** Step 1189 "Incoming", first of the Sales funnel, with its pipeline: Get Pipeline Step. */
export const step = {
  id: 1189,
  name: "Incoming",
  position: 1,
  created_at: "2015-04-22T22:03:20.000Z",
  updated_at: "2015-04-22T22:03:20.000Z",
  pipeline_id: pipeline.id,
  pipeline,
};

/** Step 1190 "In-touch", where Update Lead moves the lead. */
export const inTouchStep = { ...step, id: 1190, name: "In-touch", position: 2 };

const invoiceSentStep = {
  ...step,
  id: 1192,
  name: "Invoice sent",
  position: 1,
  pipeline_id: accountingPipeline.id,
  pipeline: accountingPipeline,
};

/** List Pipeline Steps: every pipeline's steps, by position. */
export const stepList = [
  step,
  invoiceSentStep,
  inTouchStep,
  { ...invoiceSentStep, id: 1193, name: "Paid", position: 2 },
  { ...step, id: 1191, name: "Closing", position: 3 },
];
