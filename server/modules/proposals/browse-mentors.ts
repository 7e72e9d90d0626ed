import { fitOf, type MentorOption } from "../../../contracts/pairs.ts";
import type { Format } from "../../../contracts/profiles.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { AppError } from "../../platform/errors/app-error.ts";
import { buildDictionaries, cohortProblem, compileProfile, explainPair, resolveWeights, scoreComponents } from "../matching/index.ts";
import { openPairsOf, participantReasons } from "../pairs/index.ts";
import { directoryOrgChart, personRefs } from "../people/index.ts";
import { findProfiles } from "../profiles/index.ts";
import {
  cohortMembers,
  engineSettings,
  engineSlot,
  excludedPairs,
  isAvailable,
  isMatchable,
  matchingSettingsOf,
  pairKey,
  placesLeftOf,
  toMatchingProfile,
} from "../programmes/index.ts";
import { normaliseText, skillLabels } from "../skills/index.ts";
import { menteeOfProgramme } from "./mentee-of-programme.ts";
import * as repo from "./proposals.repository.ts";
import type { ProposalsDeps } from "./proposals-deps.ts";

/**
 * The programme's mentors with places left, for me (a mentee), ranked by the engine's score (same weights,
 * same hard constraints; pairs forbidden or tried already are not offered), with the reasons addressed to
 * me and the fit as a word (neither the score nor the reasons' shares of it are sent), filtered as asked.
 * Writes nothing (a GET): the expiry sweep is the "proposals-expire" job's.
 */
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
  user: CurrentUser,
  deps: ProposalsDeps,
): Promise<{ items: MentorOption[]; total: number; page: number; pageSize: number; myOpenProposals: number }> {
  const { db } = deps.database;
  const { programme, personId } = await menteeOfProgramme(db, programmeId, user);
  const members = (await cohortMembers(db, programmeId)).filter((m) => m.isActive && (m.role === "mentor" || m.personId === personId));
  const profiles = await findProfiles(
    db,
    members.map((m) => m.personId),
  );
  const me = members.find((m) => m.personId === personId);
  const myProfile = profiles.get(personId);
  if (!me || !myProfile || !isMatchable("mentee", myProfile)) throw new AppError("PROFILE_NEEDED");
  const settings = matchingSettingsOf(programme);
  const open = await openPairsOf(db, programmeId);
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
  const { ref } = await personRefs(
    db,
    page.map((r) => r.mentor.id),
  );
  // Reading writes nothing: a proposal past its date counts as expired already, whether or not the sweep closed it.
  const mine = await repo.openProposalMentorIds(db, programmeId, personId, deps.clock.now());
  const jobTitles = new Map(candidates.map((c) => [c.personId, c]));
  return {
    items: page.map(({ mentor, score }) => {
      const profile = profiles.get(mentor.id) as NonNullable<ReturnType<typeof profiles.get>>;
      return {
        mentor: { ...ref(mentor.id), jobTitle: jobTitles.get(mentor.id)?.jobTitle ?? null },
        fit: fitOf(score),
        reasons: participantReasons(
          explainPair(mentor, mentee, scoreComponents(compileProfile(mentor, dict), compiledMentee), weights, labels, 3, "mentee-browsing"),
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
