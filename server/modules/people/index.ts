/** The people context as other contexts may use it. */
export { countPeople, getPerson, insertPeople, listPeople, type NewPerson } from "./people.repository.ts";
