/**
 * The actions' output schemas as Prismatic receives them (spectral sends each as a JSON
 * string), compiled once with ajv, for the schema tests and the live runs. Free of vitest.
 */
import Ajv, { type ValidateFunction } from "ajv";
import type { JsonSchema } from "../src/endpoint/schema";
import { component } from "./harness";

export const ajv = new Ajv({ allErrors: true, strict: true });

interface ServerOutputSchema {
  type: string;
  schema: string;
}

/** The `data` schema an action declares (throws when it declares none). */
export function outputSchemaOf(key: string): JsonSchema {
  const action = component.actions[key] as unknown as
    | { outputSchema?: ServerOutputSchema }
    | undefined;
  if (action?.outputSchema?.type !== "actionOutput") {
    throw new Error(`${key} declares no actionOutput schema`);
  }
  return JSON.parse(action.outputSchema.schema);
}

const validators = new Map<string, ValidateFunction>();

/** The action's compiled schema. */
export function validatorOf(key: string): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(outputSchemaOf(key));
    validators.set(key, validate);
  }
  return validate;
}

/** Why `data` does not fit the action's schema, or `undefined` when it does. */
export function schemaProblem(key: string, data: unknown): string | undefined {
  const validate = validatorOf(key);
  return validate(data) ? undefined : ajv.errorsText(validate.errors);
}
