/**
 * One flow: a webhook from the customer's app (a sign-up) creates or updates a lead in Pro Pipe
 * Lines (matched by the contact's email, so a repeated sign-up never makes a second lead), its
 * contact lines from the Lead Fields form, the sign-up's note as a new lead's description.
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
  description: "Create or update a Pro Pipe Lines lead for each sign-up.",
  onExecution: async (context, params) => {
    const signUp = params.onTrigger.results.body.data as SignUp;
    const result = await context.components.propipelines.upsertLead<{
      data: { action: "created" | "updated"; lead: { id: number } };
    }>({
      connection: context.configVars[CONNECTION],
      matchBy: "email",
      title: signUp.company,
      // The form's value: { Firstname: "…", Email: "…", … }, keyed by the account's field names.
      contactFields: context.configVars[LEAD_FIELDS] as Record<string, string>,
      description: signUp.note ?? "",
    });
    return { data: { leadId: result.data.lead.id, action: result.data.action } };
  },
});

export default [signUpToLead];
