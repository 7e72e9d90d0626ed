/** The invitations feature as other features use it: the invite dialog, and the dialog showing a re-issued link. */
export { type InvitationLink, InvitationLinkModal } from "./invitation-link.tsx";
export { InviteModal } from "./invite-modal.tsx";
