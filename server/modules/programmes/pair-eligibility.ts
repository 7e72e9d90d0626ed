/**
 * Whether a mentor and a mentee may form a pair in a programme right now — the same rules for a
 * published run, a proposal sent and a proposal accepted: both enrolled in those roles and not
 * declined, not set aside, still active in the directory; the pair neither forbidden by a manager
 * nor tried already (closed as not a fit or ended early); and allowed by the engine's hard
 * constraints (management chain, same team when the programme says so, a common language).
 */
import type { Tx } from "../../db/client.ts";
import { AppError } from "../../platform/errors/app-error.ts";
import {
  buildDictionaries,
  cohortProblem,
  compileProfile,
  explainPairForEveryone,
  type Reason,
  resolveWeights,
  scoreComponents,
} from "../matching/index.ts";
import { closedPairsOf } from "../pairs/index.ts";
import { directoryOrgChart } from "../people/index.ts";
import { findProfiles } from "../profiles/index.ts";
import { skillLabels } from "../skills/index.ts";
import { engineSettings, isMatchable, matchingSettingsOf, pairKey, toMatchingProfile } from "./programmes.domain.ts";
import * as repo from "./programmes.repository.ts";

export const pairNotAllowed = () => new AppError("PAIR_NOT_ALLOWED");

type Member = Awaited<ReturnType<typeof repo.cohortMembers>>[number];

/** Enrolled, not declined (cohortMembers leaves those out), not set aside, active in the directory. */
export const isAvailable = (m: Member | undefined): m is Member => Boolean(m && m.isActive && !m.isSetAside);

/** "mentor\0mentee" keys of the pairs a programme will not form: forbidden by a manager, or tried already. */
export async function excludedPairs(db: Tx, programmeId: string): Promise<Set<string>> {
  const forbids = (await repo.listConstraints(db, programmeId)).filter((c) => c.kind === "forbid");
  const closed = await closedPairsOf(db, programmeId);
  return new Set([...forbids, ...closed].map((p) => pairKey(p.mentorId, p.menteeId)));
}

/** The pair's score and reasons (for the managers, and addressed to each of its people), or a 409 when it may not be formed. */
export async function checkPair(
  tx: Tx,
  programme: repo.ProgrammeRow,
  mentorId: string,
  menteeId: string,
): Promise<{ score: number; reasons: Reason[] }> {
  const members = (await repo.cohortMembers(tx, programme.id)).filter((m) => m.personId === mentorId || m.personId === menteeId);
  const mentorMember = members.find((m) => m.personId === mentorId && m.role === "mentor");
  const menteeMember = members.find((m) => m.personId === menteeId && m.role === "mentee");
  if (!isAvailable(mentorMember) || !isAvailable(menteeMember)) throw pairNotAllowed();
  if ((await excludedPairs(tx, programme.id)).has(pairKey(mentorId, menteeId))) throw pairNotAllowed();
  const profiles = await findProfiles(tx, [mentorId, menteeId]);
  const mentorProfile = profiles.get(mentorId);
  const menteeProfile = profiles.get(menteeId);
  if (!mentorProfile || !menteeProfile || !isMatchable("mentor", mentorProfile) || !isMatchable("mentee", menteeProfile))
    throw new AppError("PROFILE_NEEDED");
  const mentor = toMatchingProfile(mentorMember, mentorProfile);
  const mentee = toMatchingProfile(menteeMember, menteeProfile);
  const settings = matchingSettingsOf(programme);
  const { problem } = cohortProblem({
    mentors: [mentor],
    mentees: [mentee],
    orgChart: await directoryOrgChart(tx),
    settings: engineSettings(settings),
  });
  const score = problem.scores[0] as number;
  if (Number.isNaN(score)) throw pairNotAllowed();
  const dict = buildDictionaries([mentor, mentee]);
  const weights = resolveWeights(settings.weights);
  const components = scoreComponents(compileProfile(mentor, dict), compileProfile(mentee, dict));
  return { score, reasons: explainPairForEveryone(mentor, mentee, components, weights, await skillLabels(tx), 3) };
}
