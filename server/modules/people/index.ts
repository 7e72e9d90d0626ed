/** The people context as other contexts may use it. */
export {
  countPeople,
  directoryOrgChart,
  findPersonIds,
  findPersonIdsByEmployeeIds,
  getPerson,
  insertPeople,
  listPeople,
  type NewPerson,
} from "./people.repository.ts";
export { recoverInterruptedImports, waitForAppliesInFlight } from "./people-import.service.ts";
