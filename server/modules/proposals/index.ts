/**
 * The proposals context as other contexts (and the demo seed, and the server's sweep) may use it: the
 * withdrawal of open proposals when people leave a programme or it closes, the expiry sweep, sending.
 */
export { expireProposals } from "./expire-proposals.ts";
export { sendProposal } from "./send-proposal.ts";
export { withdrawOpenProposals } from "./withdraw-open-proposals.ts";
