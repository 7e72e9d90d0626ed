import { fitOf, type Pair } from "../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import type { Tx } from "../../db/client.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { reasonsFor } from "../matching/index.ts";
import { mayStartSessions, onboardingStatuses } from "../onboarding/index.ts";
import { personRefs } from "../people/index.ts";
import { participantReasons, partnerOf } from "./pairs.domain.ts";
import * as repo from "./pairs.repository.ts";
import type { PairsDeps } from "./pairs-deps.ts";
import { presentHistory } from "./present-history.ts";
import { contactsOf, programmeCalendars } from "./workspace.repository.ts";

/** My pairs, newest first, as one of their two people sees them (`personId`: the session's; none, no pairs). */
export async function listMyPairs(user: { personId: string | null }, deps: PairsDeps): Promise<Pair[]> {
  const { db } = deps.database;
  if (!user.personId) return [];
  return presentForMember(db, await repo.pairsOfPerson(db, user.personId), user.personId);
}

/** One of my pairs (404 for anyone else: managers use the programme's pair list). */
export async function getMyPair(pairId: string, user: { personId: string | null }, deps: PairsDeps): Promise<Pair> {
  const pair = (await listMyPairs(user, deps)).find((p) => p.id === pairId);
  if (!pair) throw notFound();
  return pair;
}

async function presentForMember(db: Tx, rows: Awaited<ReturnType<typeof repo.pairsOfPerson>>, personId: string): Promise<Pair[]> {
  const ids = rows.map((r) => r.pair.id);
  const [events, answers] = await Promise.all([repo.eventsOf(db, ids), repo.introAnswersOf(db, ids)]);
  // The partners' work details (only theirs: the pairs' other people) and the programmes' dates.
  const contacts = await contactsOf(
    db,
    rows.map((r) => partnerOf(r.pair, personId)),
  );
  const calendars = await programmeCalendars(
    db,
    rows.map((r) => r.pair.programmeId),
  );
  const { ref } = await personRefs(
    db,
    rows.flatMap((r) => [r.pair.mentorId, r.pair.menteeId]),
  );
  const byProgramme = new Map<string, { personId: string; role: ParticipantRole }[]>();
  for (const { pair } of rows) {
    const list = byProgramme.get(pair.programmeId) ?? [];
    list.push({ personId: pair.mentorId, role: "mentor" }, { personId: pair.menteeId, role: "mentee" });
    byProgramme.set(pair.programmeId, list);
  }
  const onboarding = new Map<string, Awaited<ReturnType<typeof onboardingStatuses>>>();
  for (const [programmeId, people] of byProgramme) onboarding.set(programmeId, await onboardingStatuses(db, programmeId, people));
  return rows.map(({ pair, programmeName, requiresOnboarding }) => {
    const status = onboarding.get(pair.programmeId);
    const of = (id: string) => {
      const s = status?.get(id);
      return { isComplete: s?.isComplete ?? false, modulesDone: s?.modulesDone ?? 0, modulesTotal: s?.modulesTotal ?? 0 };
    };
    const mine = answers.find((a) => a.pairId === pair.id && a.personId === personId);
    const partner = partnerOf(pair, personId);
    const mentorOnboarding = of(pair.mentorId);
    const menteeOnboarding = of(pair.menteeId);
    return {
      id: pair.id,
      programme: {
        id: pair.programmeId,
        name: programmeName,
        requiresOnboarding,
        startsOn: calendars.get(pair.programmeId)?.startsOn ?? "",
        endsOn: calendars.get(pair.programmeId)?.endsOn ?? "",
      },
      state: pair.state,
      origin: pair.origin,
      myRole: pair.mentorId === personId ? "mentor" : "mentee",
      mentor: ref(pair.mentorId),
      mentee: ref(pair.menteeId),
      partner: contacts.get(partner) ?? { email: "", jobTitle: null, department: null, site: null },
      // A word, never the figure: the score stays with the managers.
      fit: typeof pair.score === "number" ? fitOf(pair.score) : null,
      // Each person of the pair reads the reasons addressed to them, without the figures.
      reasons: participantReasons(reasonsFor(pair.reasons, pair.mentorId === personId ? "mentor" : "mentee")),
      intro: { at: pair.introAt?.toISOString() ?? null, place: pair.introPlace },
      myIntroAnswer: mine ? { isFit: mine.isFit, reason: mine.reason } : null,
      partnerHasAnswered: answers.some((a) => a.pairId === pair.id && a.personId === partner),
      canStartSessions: pair.state === "active" && mayStartSessions(requiresOnboarding, mentorOnboarding, menteeOnboarding),
      onboarding: { mentor: mentorOnboarding, mentee: menteeOnboarding },
      iAgreedToComplete: pair.completionAgreedBy.includes(personId),
      partnerAgreedToComplete: pair.completionAgreedBy.includes(partner),
      history: presentHistory(events.filter((e) => e.pairId === pair.id)),
      createdAt: pair.createdAt.toISOString(),
    } satisfies Pair;
  });
}
