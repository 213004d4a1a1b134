/**
 * Assign Lead Round-Robin: each lead goes to the next active user of a team or a list, in turn.
 * The turn is kept in the instance's crossFlowState (src/leads/rotation.ts), shared by all its
 * flows: 6 leads over 3 users give 2 each, whichever flows assign them. Executions that start at
 * the same instant may read the same turn (Prismatic's state has no lock).
 */
import type { ProPipeLinesClient, QueryValue } from "../../../client";
import { endpoint, inPath, local, type RunContext, resource, type Values } from "../../../endpoint";
import { InputError } from "../../../errors";
import { roundRobinAssignment } from "../../../examples/leads/jobs";
import { idInput, leadId, userListInput } from "../../../inputs";
import {
  activePool,
  advanced,
  nextInTurn,
  type PoolUser,
  ROTATION_STATE_KEY,
  readRotations,
  rememberedFor,
} from "../../../leads/rotation";
import { isEmpty } from "../../../validate";

const roundRobinParams = {
  leadId: inPath(leadId),
  teamId: local(
    idInput({
      label: "Team",
      dataSource: "selectTeam",
      example: "2",
      comments:
        "Give the lead to the members of this team in turn (disabled users are skipped): pick the team from the list. Fill either Team or Users. The turn is kept in the instance's cross-flow state, so every flow assigning from this team continues it (6 leads over 3 users: 2 each); the same lead run again goes to the same user. The user is notified as with Assign Lead. Cost: 2 requests (the users, then the assignment).",
    }),
  ),
  users: local(
    userListInput({
      label: "Users",
      dataSource: "selectUser",
      example: "john.doe@mycompany.com",
      comments:
        "Or give the lead to these users in turn, by id or email, one per row (disabled users are skipped). The turn follows the users' ids, whatever the order of the rows.",
    }),
  ),
};

type RoundRobinValues = Values<typeof roundRobinParams>;

interface User extends PoolUser {
  email?: unknown;
  firstname?: unknown;
  lastname?: unknown;
}

function validatePool(values: RoundRobinValues): void {
  if (isEmpty(values.teamId) === isEmpty(values.users)) {
    throw new InputError(
      "Team",
      "fill either Team (its members take turns) or Users (the users listed take turns), not both.",
    );
  }
}

/** The rotation's name in the state: the team, or the set of users listed. */
function poolKey(values: RoundRobinValues): string {
  if (values.teamId !== undefined) return `team:${values.teamId}`;
  const users = (values.users ?? []).map((user) => String(user).trim().toLowerCase());
  return `users:${[...new Set(users)].sort().join(",")}`;
}

const sameUser = (user: User, entry: string | number) =>
  typeof entry === "number"
    ? user.id === entry
    : typeof user.email === "string" && user.email.toLowerCase() === entry.toLowerCase();

/** The users who may take the lead, with one request (GET /users, by team when given). */
async function poolOf(
  client: ProPipeLinesClient,
  values: RoundRobinValues,
  debug?: boolean,
): Promise<User[]> {
  const query: Record<string, QueryValue> = { teams: values.teamId };
  const { data } = await client.request<User[]>({
    method: "GET",
    path: "/users",
    query,
    expect: "list",
    debug,
  });
  let users = data;
  if (values.users) {
    const missing = values.users.find((entry) => !data.some((user) => sameUser(user, entry)));
    if (missing !== undefined) {
      throw new InputError(
        "Users",
        `no user "${missing}" in this account: pick users from the list.`,
      );
    }
    users = data.filter((user) => values.users?.some((entry) => sameUser(user, entry)));
  }
  const pool = activePool(users);
  if (pool.length === 0) {
    throw new InputError(
      values.teamId !== undefined ? "Team" : "Users",
      values.teamId !== undefined
        ? `team ${values.teamId} has no active member (or no such team exists): pick a team with members who can take leads.`
        : "every user listed is disabled: list users who can take leads.",
    );
  }
  return pool;
}

const summary = (user: User) => ({
  id: user.id,
  email: user.email ?? null,
  firstname: user.firstname ?? null,
  lastname: user.lastname ?? null,
});

async function assignInTurn(
  client: ProPipeLinesClient,
  values: RoundRobinValues,
  context: RunContext,
  debug?: boolean,
) {
  const key = poolKey(values);
  const rotations = readRotations(context.crossFlowState);
  const rotation = rotations[key];
  const pool = await poolOf(client, values, debug);
  // The same lead again (a retry, a replay): the same user, and the turn does not move.
  const remembered = rememberedFor(rotation, values.leadId);
  const again = pool.find((user) => user.id === remembered);
  const user = again ?? nextInTurn(pool, rotation?.last) ?? pool[0];
  const { data: lead } = await client.request({
    method: "POST",
    path: "/leads/{leadId}/assign",
    pathParams: { leadId: values.leadId },
    body: { user_id: user.id },
    debug,
  });
  if (!again) {
    context.shareState({
      [ROTATION_STATE_KEY]: { ...rotations, [key]: advanced(rotation, values.leadId, user.id) },
    });
  }
  return { lead, assignedTo: summary(user) };
}

const assignLeadRoundRobin = endpoint({
  key: "assignLeadRoundRobin",
  label: "Assign Lead Round-Robin",
  description:
    "Give a lead to the next active user of a team or list, in turn across flows. Cost: 2 requests.",
  method: "POST",
  path: "/leads/{leadId}/assign",
  returns: { lead: "lead" },
  params: roundRobinParams,
  validate: validatePool,
  sample: { teamId: "2" },
  run: (client, request, values, context) => assignInTurn(client, values, context, request.debug),
  example: roundRobinAssignment,
});

export default resource("Leads", [assignLeadRoundRobin]);
