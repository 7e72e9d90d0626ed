/**
 * Self-service proposals: a mentee browses the programme's mentors ranked by the engine's score and
 * proposes; the mentor accepts or declines. Acceptance is atomic (row locks on both enrolments,
 * plus the partial unique index on open pairs): a mentor's capacity is never exceeded and no
 * mentee ends up in two pairs of a programme, however many accepts run at once.
 */
import type { Me } from "../../../contracts/accounts.ts";
import { MAX_OPEN_PROPOSALS, type MentorOption, type Proposal } from "../../../contracts/pairs.ts";
import type { Format } from "../../../contracts/profiles.ts";
import type { Database, Tx } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, forbidden, invalidFields, notFound } from "../../platform/errors/app-error.ts";
import { buildDictionaries, cohortProblem, compileProfile, explainPair, resolveWeights, scoreComponents } from "../matching/index.ts";
import { notify } from "../notifications/index.ts";
import { directoryOrgChart } from "../people/index.ts";
import { findPersonIdOfUser, findProfiles } from "../profiles/index.ts";
import { normaliseText, skillLabels } from "../skills/index.ts";
import { capacityOf, placesLeftOf } from "./mentor-capacity.ts";
import { checkPair, excludedPairs, isAvailable, pairKey, pairNotAllowed } from "./pair-eligibility.ts";
import * as pairsRepo from "./pairs.repository.ts";
import { openPairs } from "./pairs.service.ts";
import { acceptsProposals, engineSettings, engineSlot, isMatchable, matchingSettingsOf, toMatchingProfile } from "./programmes.domain.ts";
import { canSeeProgramme } from "./programmes.policy.ts";
import * as repo from "./programmes.repository.ts";

export type ProposalsDeps = { database: Database; clock: Clock };

/** The mentor is reminded this long before a proposal expires. */
const REMIND_BEFORE_MS = 2 * 24 * 3600 * 1000;

const proposalsClosed = () => new AppError("PROPOSALS_CLOSED");
const proposalNotOpen = () => new AppError("PROPOSAL_NOT_OPEN");

/** The programme, open to proposals, and the caller's enrolment in it as a mentee. */
async function menteeContext(db: Tx, programmeId: string, user: Me) {
  const programme = await repo.findProgramme(db, programmeId);
  const personId = await findPersonIdOfUser(db, user.id);
  const enrolment = personId ? await repo.findEnrolment(db, programmeId, personId) : undefined;
  if (!programme || !personId || !enrolment) throw notFound();
  // A draft is announced to nobody: "not found" before any 403 or 409 that would reveal it.
  if (!canSeeProgramme(programme, true, user)) throw notFound();
  if (enrolment.role !== "mentee" || enrolment.status === "declined") throw forbidden();
  // Set aside by a manager: kept out of pairing for now, proposals included.
  if (enrolment.isSetAside) throw pairNotAllowed();
  if (!acceptsProposals(programme)) throw proposalsClosed();
  return { programme, personId, enrolment };
}

/** The programme's mentors for me, best score first, with the reasons, filtered as asked. */
export async function browseMentors(
  programmeId: string,
  query: {
    q?: string | undefined;
    skill?: string | undefined;
    format?: Format | undefined;
    language?: string | undefined;
    slot?: string | undefined;
    page: number;
    pageSize: number;
  },
  user: Me,
  deps: ProposalsDeps,
): Promise<{ items: MentorOption[]; total: number; page: number; pageSize: number; myOpenProposals: number }> {
  const { db } = deps.database;
  const { programme, personId } = await menteeContext(db, programmeId, user);
  await expireProposals(deps);
  const members = (await repo.cohortMembers(db, programmeId)).filter((m) => m.isActive && (m.role === "mentor" || m.personId === personId));
  const profiles = await findProfiles(
    db,
    members.map((m) => m.personId),
  );
  const me = members.find((m) => m.personId === personId);
  const myProfile = profiles.get(personId);
  if (!me || !myProfile || !isMatchable("mentee", myProfile)) throw new AppError("PROFILE_NEEDED");
  const settings = matchingSettingsOf(programme);
  const open = await repo.openPairsOf(db, programmeId);
  const mentorRows = members.filter((m) => m.role === "mentor" && isAvailable(m) && isMatchable("mentor", profiles.get(m.personId)));
  const placesLeft = placesLeftOf(members, open, profiles, settings.defaultCapacity);

  const wantedSlot = query.slot ? engineSlot(query.slot) : undefined;
  // "noemie" finds Noémie: the skills search's own normalisation.
  const needle = query.q ? normaliseText(query.q) : undefined;
  const candidates = mentorRows.filter((m) => {
    if (needle && !normaliseText(`${m.firstName} ${m.lastName}`).includes(needle)) return false;
    const p = toMatchingProfile(m, profiles.get(m.personId) as NonNullable<ReturnType<typeof profiles.get>>);
    if ((placesLeft.get(m.personId) ?? 0) <= 0) return false;
    if (query.skill && !p.teaches.some((t) => t.skill === query.skill)) return false;
    if (query.format && p.format !== "both" && query.format !== "both" && p.format !== query.format) return false;
    if (query.language && !p.languages.includes(query.language)) return false;
    if (wantedSlot && !p.availability.includes(wantedSlot)) return false;
    return true;
  });
  const mentors = candidates.map((m) => toMatchingProfile(m, profiles.get(m.personId) as NonNullable<ReturnType<typeof profiles.get>>));
  const mentee = toMatchingProfile(me, myProfile);
  const excluded = await excludedPairs(db, programmeId);
  const cohort = {
    mentors,
    mentees: [mentee],
    orgChart: await directoryOrgChart(db),
    settings: {
      // Pairs a manager forbade, or that were tried already: not offered again.
      ...engineSettings(settings),
      forbid: mentors.filter((m) => excluded.has(pairKey(m.id, personId))).map((m) => ({ mentor: m.id, mentee: personId })),
    },
  };
  const { problem, mentors: ordered } = cohortProblem(cohort);
  const ranked = ordered
    .map((mentor, j) => ({ mentor, score: problem.scores[j] as number }))
    .filter((r) => !Number.isNaN(r.score))
    .sort((a, b) => b.score - a.score || (a.mentor.id < b.mentor.id ? -1 : 1));
  const page = ranked.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const dict = buildDictionaries([...ordered, mentee]);
  const weights = resolveWeights(settings.weights);
  const labels = await skillLabels(db);
  const compiledMentee = compileProfile(mentee, dict);
  const { ref } = await repo.personRefs(
    db,
    page.map((r) => r.mentor.id),
  );
  const mine = await pairsRepo.openProposalMentorIds(db, programmeId, personId);
  const jobTitles = new Map(candidates.map((c) => [c.personId, c]));
  return {
    items: page.map(({ mentor, score }) => {
      const profile = profiles.get(mentor.id) as NonNullable<ReturnType<typeof profiles.get>>;
      return {
        mentor: { ...ref(mentor.id), jobTitle: jobTitles.get(mentor.id)?.jobTitle ?? null },
        score,
        reasons: explainPair(
          mentor,
          mentee,
          scoreComponents(compileProfile(mentor, dict), compiledMentee),
          weights,
          labels,
          3,
          "mentee-browsing",
        ),
        teaches: profile.teach,
        format: profile.format,
        languages: mentor.languages as string[],
        availability: profile.availability,
        placesLeft: placesLeft.get(mentor.id) ?? 0,
        hasMyOpenProposal: mine.has(mentor.id),
      };
    }),
    total: ranked.length,
    page: query.page,
    pageSize: query.pageSize,
    myOpenProposals: mine.size,
  };
}

/** A mentee proposes to a mentor of the programme: goals and what they offer in return, at most 3 open at once. */
export async function sendProposal(
  programmeId: string,
  body: { mentorId: string; goals: string; offer: string },
  user: Me,
  deps: ProposalsDeps,
): Promise<Proposal> {
  const now = deps.clock.now();
  const id = await deps.database.db.transaction(async (tx) => {
    const { programme, personId } = await menteeContext(tx, programmeId, user);
    // Locks my enrolment: two proposals sent at once cannot both pass the "3 open" check.
    await repo.findEnrolment(tx, programmeId, personId, { forUpdate: true });
    if (await pairsRepo.hasOpenPair(tx, programmeId, personId)) throw new AppError("ALREADY_PAIRED");
    if ((await pairsRepo.countOpenProposals(tx, programmeId, personId)) >= MAX_OPEN_PROPOSALS)
      throw new AppError("TOO_MANY_PROPOSALS", { params: { max: MAX_OPEN_PROPOSALS } });
    const mentor = await repo.findEnrolment(tx, programmeId, body.mentorId);
    if (!mentor || mentor.role !== "mentor" || mentor.status === "declined")
      throw invalidFields([{ path: "mentorId", messageKey: "fields.notEnrolledAs", params: { role: "mentor" } }]);
    if ((await pairsRepo.openProposalMentorIds(tx, programmeId, personId)).has(body.mentorId)) throw new AppError("PROPOSAL_EXISTS");
    await checkPair(tx, programme, body.mentorId, personId);
    const proposal = await pairsRepo.insertProposal(tx, {
      programmeId,
      menteeId: personId,
      mentorId: body.mentorId,
      goals: body.goals,
      offer: body.offer,
      status: "open",
      createdAt: now,
      expiresAt: new Date(now.getTime() + programme.proposalExpiryDays * 24 * 3600 * 1000),
    });
    const me = await repo.personRefs(tx, [personId]);
    await notify(
      tx,
      [
        {
          personId: body.mentorId,
          kind: "proposal_received",
          params: { programmeName: programme.name, menteeName: me.name(personId), proposalId: proposal.id },
          link: "/proposals",
        },
      ],
      now,
    );
    return proposal.id;
  });
  return getMyProposal(id, user, deps);
}

/**
 * A proposal addressed to me (the mentor); the mentee who sent it gets a 403, anyone else a 404.
 * Locks, always in the same order so that concurrent accepts queue instead of deadlocking: both
 * people's enrolments (in id order), then the proposal, read again once locked.
 */
async function proposalForMentor(tx: Tx, id: string, user: Me) {
  const unlocked = await pairsRepo.findProposal(tx, id);
  const personId = await findPersonIdOfUser(tx, user.id);
  if (!unlocked || !personId) throw notFound();
  if (unlocked.menteeId === personId) throw forbidden();
  if (unlocked.mentorId !== personId) throw notFound();
  for (const person of [unlocked.mentorId, unlocked.menteeId].sort())
    await repo.findEnrolment(tx, unlocked.programmeId, person, { forUpdate: true });
  const proposal = await pairsRepo.findProposal(tx, id, { forUpdate: true });
  if (!proposal) throw notFound();
  if (proposal.status !== "open") throw proposalNotOpen();
  const programme = await repo.findProgramme(tx, proposal.programmeId);
  if (!programme) throw notFound();
  return { proposal, programme, personId };
}

/**
 * The mentor accepts: in one transaction, with both people's enrolments locked, check places left
 * and that the mentee is free, open the pair, withdraw the mentee's other open proposals and tell
 * those mentors.
 */
export async function acceptProposal(id: string, user: Me, deps: ProposalsDeps): Promise<Proposal> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const { proposal, programme } = await proposalForMentor(tx, id, user);
    if (proposal.expiresAt <= now) throw new AppError("PROPOSAL_EXPIRED");
    if (!acceptsProposals(programme)) throw proposalsClosed();
    const mentor = await repo.findEnrolment(tx, proposal.programmeId, proposal.mentorId);
    const profile = (await findProfiles(tx, [proposal.mentorId])).get(proposal.mentorId);
    const capacity = capacityOf(mentor?.capacity ?? null, profile?.mentorCapacity, matchingSettingsOf(programme).defaultCapacity);
    if ((await pairsRepo.countOpenPairsOfMentor(tx, proposal.programmeId, proposal.mentorId)) >= capacity)
      throw new AppError("MENTOR_FULL");
    if (await pairsRepo.hasOpenPair(tx, proposal.programmeId, proposal.menteeId))
      throw new AppError("ALREADY_PAIRED", { messageKey: "errors.menteeAlreadyPaired" });
    // Still allowed now (set aside, declined, forbidden since it was sent…), with its score and reasons.
    const explained = await checkPair(tx, programme, proposal.mentorId, proposal.menteeId);
    const [pair] = await openPairs(tx, programme, [{ mentorId: proposal.mentorId, menteeId: proposal.menteeId, ...explained }], {
      origin: "proposal",
      byUserId: user.id,
      now,
    });
    if (!pair) throw new Error("the accepted proposal's pair was not created");
    await pairsRepo.setProposalStatus(tx, [proposal.id], { status: "accepted", decidedAt: now, pairId: pair.id });
    const others = await pairsRepo.setProposalStatus(
      tx,
      (await pairsRepo.openProposalsOfMentee(tx, proposal.programmeId, proposal.menteeId)).map((p) => p.id),
      { status: "withdrawn", decidedAt: now },
    );
    const params = { programmeName: programme.name, proposalId: proposal.id };
    await notify(
      tx,
      [
        { personId: proposal.menteeId, kind: "proposal_accepted", params, link: `/pairs/${pair.id}` },
        ...others.map((p) => ({
          personId: p.mentorId,
          kind: "proposal_withdrawn" as const,
          params: { programmeName: programme.name, proposalId: p.id },
          link: "/proposals",
        })),
      ],
      now,
    );
  });
  return getMyProposal(id, user, deps);
}

export async function declineProposal(id: string, reason: string | null | undefined, user: Me, deps: ProposalsDeps): Promise<Proposal> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const { proposal, programme } = await proposalForMentor(tx, id, user);
    await pairsRepo.setProposalStatus(tx, [proposal.id], { status: "declined", decidedAt: now, declineReason: reason ?? null });
    await notify(
      tx,
      [
        {
          personId: proposal.menteeId,
          kind: "proposal_declined",
          params: { programmeName: programme.name, proposalId: proposal.id },
          link: "/proposals",
        },
      ],
      now,
    );
  });
  return getMyProposal(id, user, deps);
}

/** The mentee takes back an open proposal; the mentor is told. */
export async function withdrawProposal(id: string, user: Me, deps: ProposalsDeps): Promise<Proposal> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const proposal = await pairsRepo.findProposal(tx, id, { forUpdate: true });
    const personId = await findPersonIdOfUser(tx, user.id);
    if (!proposal || !personId) throw notFound();
    if (proposal.mentorId === personId) throw forbidden();
    if (proposal.menteeId !== personId) throw notFound();
    if (proposal.status !== "open") throw proposalNotOpen();
    const programme = await repo.findProgramme(tx, proposal.programmeId);
    await pairsRepo.setProposalStatus(tx, [proposal.id], { status: "withdrawn", decidedAt: now });
    await notify(
      tx,
      [
        {
          personId: proposal.mentorId,
          kind: "proposal_withdrawn",
          params: { programmeName: programme?.name ?? "", proposalId: proposal.id },
          link: "/proposals",
        },
      ],
      now,
    );
  });
  return getMyProposal(id, user, deps);
}

/** My proposals, after the expiry sweep (so that none shows as open past its date). */
export async function listMyProposals(user: Me, deps: ProposalsDeps): Promise<Proposal[]> {
  await expireProposals(deps);
  return presentMyProposals(user, deps);
}

async function presentMyProposals(user: Me, deps: ProposalsDeps): Promise<Proposal[]> {
  const { db } = deps.database;
  const personId = await findPersonIdOfUser(db, user.id);
  if (!personId) return [];
  const rows = await pairsRepo.proposalsOfPerson(db, personId);
  const { ref } = await repo.personRefs(
    db,
    rows.flatMap((r) => [r.proposal.mentorId, r.proposal.menteeId]),
  );
  return rows.map(({ proposal: p, programmeName }) => ({
    id: p.id,
    programme: { id: p.programmeId, name: programmeName },
    mentor: ref(p.mentorId),
    mentee: ref(p.menteeId),
    direction: p.menteeId === personId ? "sent" : "received",
    goals: p.goals,
    offer: p.offer,
    status: p.status,
    declineReason: p.declineReason,
    pairId: p.pairId,
    createdAt: p.createdAt.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
  }));
}

async function getMyProposal(id: string, user: Me, deps: ProposalsDeps): Promise<Proposal> {
  // Just written by the caller: no sweep needed before reading it back.
  const proposal = (await presentMyProposals(user, deps)).find((p) => p.id === id);
  if (!proposal) throw notFound();
  return proposal;
}

/**
 * The expiry sweep (run on a timer by main.ts, and before proposals are read): mentors are reminded
 * two days before a proposal expires; expired ones close and both people are told.
 */
export async function expireProposals(deps: ProposalsDeps): Promise<{ reminded: number; expired: number }> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const toRemind = await pairsRepo.proposalsToRemind(tx, new Date(now.getTime() + REMIND_BEFORE_MS));
    const expired = await pairsRepo.expiredOpenProposals(tx, now);
    const expiredIds = new Set(expired.map((p) => p.id));
    // Two days before the end, or half-way through for shorter proposals (not as soon as it is received).
    const halfWay = (p: pairsRepo.ProposalRow) => p.createdAt.getTime() + (p.expiresAt.getTime() - p.createdAt.getTime()) / 2;
    const reminded = toRemind.filter((p) => !expiredIds.has(p.id) && halfWay(p) <= now.getTime());
    await pairsRepo.markReminded(
      tx,
      reminded.map((p) => p.id),
      now,
    );
    await pairsRepo.setProposalStatus(tx, [...expiredIds], { status: "expired", decidedAt: now });
    const names = await repo.programmeNames(tx, [...new Set([...reminded, ...expired].map((p) => p.programmeId))]);
    await notify(
      tx,
      [
        ...reminded.map((p) => ({
          personId: p.mentorId,
          kind: "proposal_expiring" as const,
          params: { programmeName: names.get(p.programmeId) ?? "", proposalId: p.id, expiresAt: p.expiresAt.toISOString() },
          link: "/proposals",
        })),
        ...expired.flatMap((p) =>
          [p.menteeId, p.mentorId].map((personId) => ({
            personId,
            kind: "proposal_expired" as const,
            params: { programmeName: names.get(p.programmeId) ?? "", proposalId: p.id },
            link: "/proposals",
          })),
        ),
      ],
      now,
    );
    return { reminded: reminded.length, expired: expired.length };
  });
}
