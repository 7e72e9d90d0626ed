/**
 * The rules of self-service proposals (docs/pairs.md), as decisions without a database: who may send,
 * accept, decline or withdraw one and when, what is written (the proposal's status) and who is told.
 * The use cases load the facts, open the transaction and carry the decision out; a refusal is thrown as
 * the AppError the API answers, before anything is written.
 */
import type { NotificationKind } from "../../../contracts/notifications.ts";
import { MAX_OPEN_PROPOSALS, type ProposalStatus } from "../../../contracts/pairs.ts";
import type { EnrolmentStatus, ParticipantRole } from "../../../contracts/programmes.ts";
import { AppError, forbidden, invalidFields, notFound } from "../../platform/errors/app-error.ts";

const DAY_MS = 24 * 3600 * 1000;
/** The mentor is reminded this long before a proposal expires (or half-way through a shorter one). */
export const REMIND_BEFORE_MS = 2 * DAY_MS;

/** A notification to a person of the directory. */
export type Notice = { personId: string; kind: NotificationKind; params: Record<string, string>; link: string };
/** A notification to every programme manager. */
export type ManagersNotice = { kind: NotificationKind; params: Record<string, string>; link: string };

/** What a decision needs to know of a proposal. */
export type ProposalFacts = {
  id: string;
  programmeId: string;
  menteeId: string;
  mentorId: string;
  status: ProposalStatus;
  createdAt: Date;
  expiresAt: Date;
};

/** The change a decision makes to proposals: which ones, to what status. */
export type ProposalChange = { ids: string[]; status: ProposalStatus; decidedAt: Date; declineReason?: string | null };

const PROPOSALS_LINK = "/proposals";
export const pairNotAllowed = () => new AppError("PAIR_NOT_ALLOWED");

/* ---------------------------------------------------------------- who may */

/**
 * A mentee may browse a programme's mentors and propose: the programme is visible to them (a draft, or
 * one they are not in, is "not found" before anything that would reveal it); they are enrolled as a
 * mentee and have not declined; a manager has not set them aside; the programme takes proposals now.
 */
export function checkMenteeMayPropose(facts: {
  enrolment: { role: ParticipantRole; status: EnrolmentStatus; isSetAside: boolean } | undefined;
  isVisible: boolean;
  acceptsProposals: boolean;
}): void {
  const { enrolment } = facts;
  if (!enrolment || !facts.isVisible) throw notFound();
  if (enrolment.role !== "mentee" || enrolment.status === "declined") throw forbidden();
  // Set aside by a manager: kept out of pairing for now, proposals included.
  if (enrolment.isSetAside) throw pairNotAllowed();
  if (!facts.acceptsProposals) throw new AppError("PROPOSALS_CLOSED");
}

/**
 * Only the mentor a proposal is addressed to may accept or decline it: the mentee who sent it is told
 * 403, anyone else (an account without a person included) 404, as for an unknown proposal.
 */
export function checkMentorOf(proposal: { mentorId: string; menteeId: string }, personId: string | null): void {
  if (!personId) throw notFound();
  if (proposal.menteeId === personId) throw forbidden();
  if (proposal.mentorId !== personId) throw notFound();
}

/** Only the mentee who sent a proposal may withdraw it: its mentor is told 403, anyone else 404. */
export function checkMenteeOf(proposal: { mentorId: string; menteeId: string }, personId: string | null): void {
  if (!personId) throw notFound();
  if (proposal.mentorId === personId) throw forbidden();
  if (proposal.menteeId !== personId) throw notFound();
}

/** A proposal is answered once: accepting, declining or withdrawing one no longer open is a 409. */
export function checkOpen(proposal: { status: ProposalStatus }): void {
  if (proposal.status !== "open") throw new AppError("PROPOSAL_NOT_OPEN");
}

/* ---------------------------------------------------------------- sending */

/**
 * A mentee proposes to a mentor of the programme, with their goals and what they offer in return:
 * not while in an open pair of the programme, at most MAX_OPEN_PROPOSALS open at once and one per
 * mentor, only to someone enrolled there as a mentor (who has not declined). It expires after the
 * programme's number of days; the mentor is told.
 */
export function decideSend(facts: {
  proposalId: string;
  programme: { id: string; name: string; proposalExpiryDays: number };
  mentee: { id: string; name: string; hasOpenPair: boolean; openProposals: number; proposedTo: ReadonlySet<string> };
  mentorId: string;
  mentorEnrolment: { role: ParticipantRole; status: EnrolmentStatus } | undefined;
  body: { goals: string; offer: string };
  now: Date;
}) {
  const { mentee, mentorEnrolment, programme, now } = facts;
  if (mentee.hasOpenPair) throw new AppError("ALREADY_PAIRED");
  if (mentee.openProposals >= MAX_OPEN_PROPOSALS) throw new AppError("TOO_MANY_PROPOSALS", { params: { max: MAX_OPEN_PROPOSALS } });
  if (!mentorEnrolment || mentorEnrolment.role !== "mentor" || mentorEnrolment.status === "declined")
    throw invalidFields([{ path: "mentorId", messageKey: "fields.notEnrolledAs", params: { role: "mentor" } }]);
  if (mentee.proposedTo.has(facts.mentorId)) throw new AppError("PROPOSAL_EXISTS");
  return {
    proposal: {
      id: facts.proposalId,
      programmeId: programme.id,
      menteeId: mentee.id,
      mentorId: facts.mentorId,
      goals: facts.body.goals,
      offer: facts.body.offer,
      status: "open" as const,
      createdAt: now,
      expiresAt: new Date(now.getTime() + programme.proposalExpiryDays * DAY_MS),
    },
    notices: [
      {
        personId: facts.mentorId,
        kind: "proposal_received",
        params: { programmeName: programme.name, menteeName: mentee.name, proposalId: facts.proposalId },
        link: PROPOSALS_LINK,
      },
    ] satisfies Notice[],
  };
}

/* ---------------------------------------------------------------- answering */

/**
 * Whether the mentor may accept now: the proposal has not expired, the programme still takes proposals,
 * the mentor has a place left, the mentee is in no open pair of the programme. (Whether the two may
 * still be paired at all is the pairing rules' check, run next.)
 */
export function checkAccept(facts: {
  proposal: { expiresAt: Date };
  acceptsProposals: boolean;
  mentorOpenPairs: number;
  mentorCapacity: number;
  menteeHasOpenPair: boolean;
  now: Date;
}): void {
  if (facts.proposal.expiresAt <= facts.now) throw new AppError("PROPOSAL_EXPIRED");
  if (!facts.acceptsProposals) throw new AppError("PROPOSALS_CLOSED");
  if (facts.mentorOpenPairs >= facts.mentorCapacity) throw new AppError("MENTOR_FULL");
  if (facts.menteeHasOpenPair) throw new AppError("ALREADY_PAIRED", { messageKey: "errors.menteeAlreadyPaired" });
}

/**
 * Once the pair is open: the proposal is accepted (linked to its pair), the mentee's other open
 * proposals in the programme are withdrawn; the mentee is told, and the mentors of those withdrawn;
 * the managers learn that a pair was formed without them (as pairs.domain.ts tells them of pairs ending).
 */
export function decideAccepted(
  proposal: ProposalFacts,
  context: {
    pairId: string;
    othersOpen: readonly { id: string; mentorId: string }[];
    programmeName: string;
    mentorName: string;
    menteeName: string;
    now: Date;
  },
) {
  const { othersOpen, programmeName, now } = context;
  return {
    accepted: { ids: [proposal.id], status: "accepted", decidedAt: now } satisfies ProposalChange,
    withdrawn: { ids: othersOpen.map((p) => p.id), status: "withdrawn", decidedAt: now } satisfies ProposalChange,
    managersNotice: {
      kind: "managers_pair_formed",
      params: { programmeName, mentorName: context.mentorName, menteeName: context.menteeName, pairId: context.pairId },
      link: `/programmes/${proposal.programmeId}?tab=pairs`,
    } satisfies ManagersNotice,
    /** The notices, given the other proposals the withdrawal really changed (one may have closed meanwhile). */
    notices: (withdrawn: readonly { id: string; mentorId: string }[]): Notice[] => [
      {
        personId: proposal.menteeId,
        kind: "proposal_accepted",
        params: { programmeName, proposalId: proposal.id },
        link: `/pairs/${context.pairId}`,
      },
      ...withdrawn.map(
        (p): Notice => ({
          personId: p.mentorId,
          kind: "proposal_withdrawn",
          params: { programmeName, proposalId: p.id },
          link: PROPOSALS_LINK,
        }),
      ),
    ],
  };
}

/** The mentor declines, with an optional reason the mentee reads; the mentee is told. */
export function decideDecline(proposal: ProposalFacts, reason: string | null | undefined, programmeName: string, now: Date) {
  checkOpen(proposal);
  return {
    change: { ids: [proposal.id], status: "declined", decidedAt: now, declineReason: reason ?? null } satisfies ProposalChange,
    notices: [
      {
        personId: proposal.menteeId,
        kind: "proposal_declined",
        params: { programmeName, proposalId: proposal.id },
        link: PROPOSALS_LINK,
      },
    ] satisfies Notice[],
  };
}

/** The mentee takes back an open proposal; the mentor is told. */
export function decideWithdraw(proposal: ProposalFacts, programmeName: string, now: Date) {
  checkOpen(proposal);
  return {
    change: { ids: [proposal.id], status: "withdrawn", decidedAt: now } satisfies ProposalChange,
    notices: [
      {
        personId: proposal.mentorId,
        kind: "proposal_withdrawn",
        params: { programmeName, proposalId: proposal.id },
        link: PROPOSALS_LINK,
      },
    ] satisfies Notice[],
  };
}

/**
 * Proposals withdrawn because people left (declined the programme, were removed from it, were paired
 * by a published run) or the programme closed: the other side of each is told, not the people leaving.
 */
export function withdrawnNotices(
  withdrawn: readonly { id: string; mentorId: string; menteeId: string }[],
  leaving: readonly string[] | null,
  programmeName: string,
): Notice[] {
  const gone = new Set(leaving ?? []);
  return withdrawn.flatMap((p) =>
    [p.mentorId, p.menteeId]
      .filter((personId) => !gone.has(personId))
      .map(
        (personId): Notice => ({
          personId,
          kind: "proposal_withdrawn",
          params: { programmeName, proposalId: p.id },
          link: PROPOSALS_LINK,
        }),
      ),
  );
}

/* ---------------------------------------------------------------- expiry */

/** Open proposals expiring before this date may need their mentor reminded. */
export function remindersDueBefore(now: Date): Date {
  return new Date(now.getTime() + REMIND_BEFORE_MS);
}

/**
 * The expiry sweep: an open proposal past its date expires and both people are told; the mentor of one
 * expiring within two days is reminded once, but not before half its time has passed (a short proposal
 * is not flagged as soon as it arrives), and not when it expires now anyway.
 */
export function decideExpiry(
  toRemind: readonly ProposalFacts[],
  expired: readonly ProposalFacts[],
  programmeNames: ReadonlyMap<string, string>,
  now: Date,
) {
  const expiredIds = new Set(expired.map((p) => p.id));
  const halfWay = (p: ProposalFacts) => p.createdAt.getTime() + (p.expiresAt.getTime() - p.createdAt.getTime()) / 2;
  const reminded = toRemind.filter((p) => !expiredIds.has(p.id) && halfWay(p) <= now.getTime());
  const nameOf = (p: ProposalFacts) => programmeNames.get(p.programmeId) ?? "";
  return {
    remindedIds: reminded.map((p) => p.id),
    expired: { ids: [...expiredIds], status: "expired", decidedAt: now } satisfies ProposalChange,
    notices: [
      ...reminded.map(
        (p): Notice => ({
          personId: p.mentorId,
          kind: "proposal_expiring",
          params: { programmeName: nameOf(p), proposalId: p.id, expiresAt: p.expiresAt.toISOString() },
          link: PROPOSALS_LINK,
        }),
      ),
      ...expired.flatMap((p) =>
        [p.menteeId, p.mentorId].map(
          (personId): Notice => ({
            personId,
            kind: "proposal_expired",
            params: { programmeName: nameOf(p), proposalId: p.id },
            link: PROPOSALS_LINK,
          }),
        ),
      ),
    ],
  };
}
