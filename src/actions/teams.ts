/**
 * Teams: list, create, retrieve, rename, delete, and their members. With a User Login
 * connection, everything but List Teams needs an admin user (the API answers 401 otherwise).
 */
import { endpoint, inBody, inPath, resource } from "../endpoint";
import {
  createdTeam,
  renamedTeam,
  team,
  teamList,
  teamMembersAfterAdd,
  teamMembersAfterRemove,
} from "../examples/teams";
import { booleanInput, teamId, textInput, userInput } from "../inputs";

// ---------------------------------------------------------------------------------------------
// Inputs used only by the teams actions

/** Get Team is the one call that also takes the team's name. */
const teamIdOrName = textInput({
  label: "Team",
  required: true,
  dataSource: "selectTeam",
  example: "Sales",
  comments:
    "The team, by id or by name: pick it from the list, or map either from a previous step.",
});

const teamName = (comments: string) =>
  textInput({
    label: "Team Name",
    required: true,
    example: "Web Sales",
    placeholder: "Web Sales",
    comments,
  });

const member = (comments: string) =>
  userInput({ label: "User", required: true, example: "stef@example.com", comments });

/** Admin-only endpoints: the API key, or a user the login answered as admin. */
const ADMIN_NOTE = "Admins only.";

// ---------------------------------------------------------------------------------------------
// Endpoints

const listTeams = endpoint({
  key: "listTeams",
  label: "List Teams",
  description: "List the account's teams with their members and managers.",
  method: "GET",
  path: "/teams",
  example: teamList,
});

const createTeam = endpoint({
  key: "createTeam",
  label: "Create Team",
  description: `Create a team, with no members yet. ${ADMIN_NOTE}`,
  access: "admin",
  method: "POST",
  path: "/teams",
  params: { name: inBody(teamName("The new team's name.")) },
  example: createdTeam,
});

const getTeam = endpoint({
  key: "getTeam",
  label: "Get Team",
  description: `Retrieve a team and its members, by id or name. ${ADMIN_NOTE}`,
  access: "admin",
  method: "GET",
  path: "/teams/{teamId}",
  params: { teamId: inPath(teamIdOrName) },
  example: team,
});

const updateTeam = endpoint({
  key: "updateTeam",
  label: "Update Team",
  description: `Rename a team. ${ADMIN_NOTE}`,
  access: "admin",
  method: "PUT",
  path: "/teams/{teamId}",
  params: {
    teamId: inPath(teamId),
    name: inBody(teamName("The team's new name.")),
  },
  example: renamedTeam,
});

const deleteTeam = endpoint({
  key: "deleteTeam",
  label: "Delete Team",
  description: `Delete a team (its users stay in the account). ${ADMIN_NOTE}`,
  access: "admin",
  method: "DELETE",
  path: "/teams/{teamId}",
  params: { teamId: inPath(teamId) },
  example: { id: 2 },
});

const addTeamMember = endpoint({
  key: "addTeamMember",
  label: "Add Team Member",
  description: `Add a user to a team, or set whether a member is its manager. ${ADMIN_NOTE}`,
  access: "admin",
  method: "POST",
  path: "/teams/{teamId}/add_member",
  params: {
    teamId: inPath(teamId),
    userId: inBody(member("The user to add, by id or email address: pick one from the list.")),
    isManager: inBody(
      booleanInput({
        label: "Manager",
        comments: "Turn on to make the user a manager of the team (default: off).",
      }),
    ),
  },
  example: teamMembersAfterAdd,
});

const removeTeamMember = endpoint({
  key: "removeTeamMember",
  label: "Remove Team Member",
  description: `Remove a user from a team (the user stays in the account). ${ADMIN_NOTE}`,
  access: "admin",
  method: "DELETE",
  path: "/teams/{teamId}/remove_member",
  params: {
    teamId: inPath(teamId),
    userId: inBody(member("The member to remove, by id or email address: pick one from the list.")),
  },
  example: teamMembersAfterRemove,
});

export default resource("Teams", [
  listTeams,
  createTeam,
  getTeam,
  updateTeam,
  deleteTeam,
  addTeamMember,
  removeTeamMember,
]);
