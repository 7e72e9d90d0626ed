/**
 * The invitations feature as other features use it: the invite dialog, the dialog showing a re-sent
 * invitation, and the bulk invitation's button (the directory's filters, a programme's enrolled people).
 */
export { BulkInviteButton } from "./bulk-invite-button.tsx";
export { type InvitationLink, InvitationLinkModal } from "./invitation-link.tsx";
export { InviteModal } from "./invite-modal.tsx";
