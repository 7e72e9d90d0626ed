/** The people context as other contexts may use it. */

export { applyImportJob } from "./apply-import-job.ts";
export {
  countPeople,
  countPeopleByAccount,
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
  peopleWithoutAccount,
  personRefs,
} from "./people.repository.ts";
export { recoverInterruptedImports } from "./people-import.service.ts";
