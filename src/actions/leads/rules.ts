/**
 * The API's rules on a lead's sales fields, checked before any request (Create Lead, Update
 * Lead, Create or Update Lead): each refusal names the input and the fix.
 */
import type { Connection } from "@prismatic-io/spectral";
import { usesUserToken } from "../../auth";
import { InputError } from "../../errors";
import { isEmpty } from "../../validate";

interface SalesValues {
  stepId?: number;
  stepName?: string;
  status?: string;
  remindDate?: string;
  amount?: number;
  probability?: number;
}

/** One step at most, a reminder date for standby, an amount with a probability. */
export function checkSalesRules(values: SalesValues): void {
  if (!isEmpty(values.stepId) && !isEmpty(values.stepName)) {
    throw new InputError(
      "Step Name",
      "fill either Step ID or Step Name, not both (Step ID is preferred).",
    );
  }
  if (values.status === "standby" && isEmpty(values.remindDate)) {
    throw new InputError(
      "Reminder Date",
      "is required when Status is standby: enter the date of the next reminder (YYYY-MM-DD).",
    );
  }
  if (!isEmpty(values.probability) && isEmpty(values.amount)) {
    throw new InputError(
      "Probability",
      "needs an Amount: the API refuses a probability without one. Fill Amount too (the current amount if it does not change).",
    );
  }
}

const SALES_INPUTS: Array<[keyof SalesValues, string]> = [
  ["stepId", "Step ID"],
  ["stepName", "Step Name"],
  ["status", "Status"],
  ["amount", "Amount"],
  ["probability", "Probability"],
];

/**
 * A lead the API key creates without an Owner is unassigned, and the API refuses a step,
 * status, amount or probability on an unassigned lead (400): refused here, before the lead is
 * created. With a user's token the lead belongs to that user, so nothing is refused.
 */
export function checkNewLeadOwner(
  values: SalesValues & { userId?: string | number; connection: Connection },
): void {
  if (!isEmpty(values.userId) || usesUserToken(values.connection)) return;
  const filled = SALES_INPUTS.find(([key]) => !isEmpty(values[key]));
  if (!filled) return;
  throw new InputError(
    filled[1],
    "cannot be set on an unassigned lead (Pro Pipe Lines refuses a step, status, amount or probability until the lead has an owner), and with the API key a lead without an Owner is unassigned. Fill Owner, or leave Step, Status, Amount and Probability empty and set them once the lead is assigned.",
  );
}
