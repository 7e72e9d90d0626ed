/** The people context as other contexts may use it. */
export {
  countPeople,
  directoryOrgChart,
  findPersonIdByEmail,
  findPersonIds,
  findPersonIdsByEmployeeIds,
  getPerson,
  insertPeople,
  insertPersonOfAccount,
  listPeople,
  type NewPerson,
  type PersonRef,
  type PersonRefs,
  personRefs,
} from "./people.repository.ts";
export { recoverInterruptedImports, waitForAppliesInFlight } from "./people-import.service.ts";
