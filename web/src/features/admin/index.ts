/**
 * The admin feature ("People and accounts") as other features use it: the directory's query (to pick people
 * to enrol), the profile completeness filter of the lists of people, the home page's figures, and the keys to
 * refresh after changing people or accounts.
 */
export { CompletenessFilter } from "./people-filters.tsx";
export { accountsQuery, adminKeys, overviewQuery, type PeopleFilters, peopleQuery, usePeople } from "./queries.ts";
