/**
 * One flow: a webhook from the customer's app (a sign-up) becomes a lead in Pro Pipe Lines,
 * its contact lines from the Lead Fields form, the sign-up's note as the description.
 */
import { flow } from "@prismatic-io/spectral";
import { CONNECTION, LEAD_FIELDS } from "./configPages";

interface SignUp {
  company: string;
  note?: string;
}

export const signUpToLead = flow({
  name: "Sign-up to Lead",
  stableKey: "sign-up-to-lead",
  description: "Create a Pro Pipe Lines lead for each sign-up.",
  onExecution: async (context, params) => {
    const signUp = params.onTrigger.results.body.data as SignUp;
    const lead = await context.components.propipelines.createLead<{ data: { id: number } }>({
      connection: context.configVars[CONNECTION],
      title: signUp.company,
      // The form's value: { Firstname: "…", Email: "…", … }, keyed by the account's field names.
      contactFields: context.configVars[LEAD_FIELDS] as Record<string, string>,
      description: signUp.note ?? "",
    });
    return { data: { leadId: lead.data.id } };
  },
});

export default [signUpToLead];
