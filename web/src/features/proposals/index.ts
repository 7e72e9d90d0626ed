/** The proposals feature as other features use it: my proposals' query and the keys to refresh them after an action elsewhere. */
export { myProposalsQuery, proposalKeys, useMyProposals } from "./queries.ts";
