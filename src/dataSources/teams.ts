/** Teams of the account. */
import { teamList } from "../examples/teams";
import { picklist } from "./picklist";

interface Team {
  id: number;
  name: string;
}

const selectTeam = picklist({
  key: "selectTeam",
  label: "Select Team",
  description: "Pick a team of the account, by name.",
  path: "/teams",
  itemLabel: (team: Team) => team.name,
  example: teamList,
});

export default [selectTeam];
