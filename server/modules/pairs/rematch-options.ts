import type { RematchOption, RematchOptions } from "../../../contracts/pairs.ts";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import { cohortProblem } from "../matching/index.ts";
import { directoryOrgChart, personRefs } from "../people/index.ts";
import { findProfiles } from "../profiles/index.ts";
import {
  capacityOf,
  cohortMembers,
  engineSettings,
  excludedPairs,
  findProgramme,
  isAvailable,
  isMatchable,
  matchingSettingsOf,
  pairKey,
  placesLeftOf,
  toMatchingProfile,
} from "../programmes/index.ts";
import { newPairBlock } from "./manager-pairs.domain.ts";
import * as managerRepo from "./manager-pairs.repository.ts";
import * as repo from "./pairs.repository.ts";
import type { PairsDeps } from "./pairs-deps.ts";

/**
 * Who a manager may pair a person of this pair with now: the programme's people of the other role who
 * joined, are not set aside and are active in the directory, are free (a mentee without an open pair, a
 * mentor with places left), have a profile the engine can read, and whom the engine allows with this
 * person (the pair neither forbidden nor tried already, no hard constraint) — ranked by the engine's
 * score. The same rules as `POST /api/programmes/:id/pairs` (programmes' `checkPair`), so that every
 * option offered can be formed. Also whether the person may take a new pair now, and if not why.
 * Writes nothing. The pairs context reads the programme's cohort through the programmes context here,
 * as accepting a proposal does; this file is not exported from index.ts (programmes imports the pairs).
 */
export async function rematchOptions(programmeId: string, pairId: string, personId: string, deps: PairsDeps): Promise<RematchOptions> {
  const { db } = deps.database;
  const found = await managerRepo.findPairOfProgramme(db, programmeId, pairId);
  const programme = await findProgramme(db, programmeId);
  if (!found || !programme) throw notFound();
  const { pair } = found;
  if (personId !== pair.mentorId && personId !== pair.menteeId) throw notFound();
  const role: ParticipantRole = personId === pair.mentorId ? "mentor" : "mentee";
  const other: ParticipantRole = role === "mentor" ? "mentee" : "mentor";

  const settings = matchingSettingsOf(programme);
  const members = await cohortMembers(db, programmeId);
  const open = await repo.openPairsOf(db, programmeId);
  const profiles = await findProfiles(
    db,
    members.map((m) => m.personId),
  );
  const placesLeft = placesLeftOf(members, open, profiles, settings.defaultCapacity);
  const busyMentees = new Set(open.map((p) => p.menteeId));
  const statuses = await managerRepo.enrolmentStatusesAndSites(db, programmeId);
  const me = members.find((m) => m.personId === personId);
  const myProfile = profiles.get(personId);
  const { ref } = await personRefs(db, [personId]);

  const mentorOf = (candidateId: string) => (role === "mentor" ? personId : candidateId);
  const menteeOf = (candidateId: string) => (role === "mentee" ? personId : candidateId);
  const block = newPairBlock({
    phase: programme.phase,
    menteeHasOpenPair: role === "mentee" && busyMentees.has(personId),
    mentorOpenPairs: role === "mentor" ? open.filter((p) => p.mentorId === personId).length : 0,
    mentorCapacity: role === "mentor" && me ? capacityOf(me.capacity, profiles.get(personId)?.mentorCapacity, settings.defaultCapacity) : 1,
  });
  const blockedBy = block ?? (!isAvailable(me) || !isMatchable(role, myProfile) ? "not_available" : null);
  if (blockedBy || !me || !myProfile) return { person: ref(personId), role, isFree: false, blockedBy, items: [] };

  const candidates = members.filter(
    (m) =>
      m.role === other &&
      isAvailable(m) &&
      statuses.get(m.personId)?.status === "joined" &&
      isMatchable(other, profiles.get(m.personId)) &&
      (other === "mentor" ? (placesLeft.get(m.personId) ?? 0) > 0 : !busyMentees.has(m.personId)),
  );
  const profileOf = (m: (typeof members)[number]) =>
    toMatchingProfile(m, profiles.get(m.personId) as NonNullable<ReturnType<typeof profiles.get>>);
  const mine = profileOf(me);
  const theirs = candidates.map(profileOf);
  const excluded = await excludedPairs(db, programmeId);
  const { problem, mentors, mentees } = cohortProblem({
    mentors: role === "mentor" ? [mine] : theirs,
    mentees: role === "mentee" ? [mine] : theirs,
    orgChart: await directoryOrgChart(db),
    settings: {
      ...engineSettings(settings),
      // Pairs a manager forbade, or tried already: not offered again (checkPair refuses them).
      forbid: candidates
        .filter((c) => excluded.has(pairKey(mentorOf(c.personId), menteeOf(c.personId))))
        .map((c) => ({ mentor: mentorOf(c.personId), mentee: menteeOf(c.personId) })),
    },
  });
  const scored = (role === "mentor" ? mentees : mentors).map((candidate, k) => ({
    id: candidate.id,
    // One mentor (a column) and many mentees (rows), or one mentee (a row) and many mentors (columns).
    score: problem.scores[k] as number,
  }));
  const byId = new Map(candidates.map((c) => [c.personId, c]));
  const items = scored
    .filter((s) => !Number.isNaN(s.score))
    .map((s): RematchOption => {
      const m = byId.get(s.id) as (typeof members)[number];
      return {
        person: {
          id: m.personId,
          firstName: m.firstName,
          lastName: m.lastName,
          department: m.department,
          jobTitle: m.jobTitle,
          site: statuses.get(m.personId)?.site ?? null,
        },
        role: other,
        score: s.score,
        placesLeft: other === "mentor" ? (placesLeft.get(m.personId) ?? 0) : null,
      };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.person.lastName.localeCompare(b.person.lastName, "fr") ||
        a.person.firstName.localeCompare(b.person.firstName, "fr"),
    );
  return { person: ref(personId), role, isFree: true, blockedBy: null, items };
}
