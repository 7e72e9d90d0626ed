import { z } from "zod";
import { Person } from "./people.ts";
import { ParticipantRole } from "./programmes.ts";
import { Format } from "./session-formats.ts";
import { text } from "./text.ts";

export { FORMATS, Format } from "./session-formats.ts";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;
export const TIME_SLOTS = ["morning", "lunch", "afternoon", "evening"] as const;
/** "mon:morning"… a weekday and a time slot a person is usually available in. */
export const AVAILABILITY_SLOTS = WEEKDAYS.flatMap((d) => TIME_SLOTS.map((s) => `${d}:${s}` as const));
/**
 * What a profile can lack (profiles.domain.ts says which ones a person's roles need). "teachOrOffer" is
 * for someone in no programme yet: something to give, in either direction.
 */
export const COMPLETENESS_ITEMS = [
  "teach",
  "learn",
  "offer",
  "teachOrOffer",
  "availability",
  "format",
  "languages",
  "hopes",
  "selfAssessment",
] as const;
export const CompletenessItem = z.enum(COMPLETENESS_ITEMS);
export type CompletenessItem = z.infer<typeof CompletenessItem>;
/** The three skill lists of a profile: what I can teach, want to learn, offer in return (profile_skills.kind). */
export const PROFILE_SKILL_KINDS = ["teach", "learn", "offer"] as const;
export const ProfileSkillKind = z.enum(PROFILE_SKILL_KINDS);
export type ProfileSkillKind = z.infer<typeof ProfileSkillKind>;

/**
 * The skill lists each role fills. A mentor (the junior) teaches digital skills and learns reverse skills
 * in return; a mentee (the senior) learns digital skills and offers reverse skills in return.
 */
export const SKILL_LISTS_OF_ROLE = {
  mentor: ["teach", "learn"],
  mentee: ["learn", "offer"],
} as const satisfies Record<ParticipantRole, readonly ProfileSkillKind[]>;

/**
 * The skill lists a person with these programme roles fills, in the wizard's order; all three for
 * someone in no programme yet, who does not know which side they will be on.
 */
export function skillListsFor(roles: readonly ParticipantRole[]): ProfileSkillKind[] {
  if (!roles.length) return [...PROFILE_SKILL_KINDS];
  const lists = new Set<ProfileSkillKind>(roles.flatMap((role) => SKILL_LISTS_OF_ROLE[role]));
  return PROFILE_SKILL_KINDS.filter((kind) => lists.has(kind));
}

/** Input limits of a profile, shared by the schema below and the wizard's fields. */
export const PROFILE_LIMITS = {
  /** Skills per list (teach, learn, offer). */
  skillsPerList: 20,
  interests: 20,
  interestLength: 40,
  mentorCapacity: { min: 1, max: 5 },
  hopesLength: 1000,
} as const;

/** The 0–4 scale of the self-assessment and of teaching levels (catalogue/self-assessment.yaml describes each level). */
export const SKILL_LEVELS = [0, 1, 2, 3, 4] as const;
/** How much a person wants to learn a skill: 1 (most wanted) to 3. */
export const LEARN_PRIORITIES = [1, 2, 3] as const;

const SkillId = text()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(80);
const Level = z
  .number()
  .int()
  .min(SKILL_LEVELS[0])
  .max(SKILL_LEVELS[SKILL_LEVELS.length - 1] as number);

export const ProfileBody = z.object({
  /** Skills I can teach, with my level on the 0–4 scale (4 = I can guide others). */
  teach: z.array(z.object({ skillId: SkillId, level: Level })).max(PROFILE_LIMITS.skillsPerList),
  /** Skills I want to learn, priority 1 (most wanted) to 3. */
  learn: z
    .array(
      z.object({
        skillId: SkillId,
        priority: z
          .number()
          .int()
          .min(LEARN_PRIORITIES[0])
          .max(LEARN_PRIORITIES[LEARN_PRIORITIES.length - 1] as number),
      }),
    )
    .max(PROFILE_LIMITS.skillsPerList),
  /** What I offer in return (usually reverse skills: leadership, strategy…). */
  offer: z.array(SkillId).max(PROFILE_LIMITS.skillsPerList),
  interests: z.array(text().trim().toLowerCase().min(1).max(PROFILE_LIMITS.interestLength)).max(PROFILE_LIMITS.interests),
  availability: z.array(z.enum(AVAILABILITY_SLOTS as [string, ...string[]])).max(AVAILABILITY_SLOTS.length),
  format: Format.nullable(),
  languages: z
    .array(text().regex(/^[a-z]{2}$/))
    .min(1, { error: "fields.required" })
    .max(10),
  mentorCapacity: z.number().int().min(PROFILE_LIMITS.mentorCapacity.min).max(PROFILE_LIMITS.mentorCapacity.max),
  hopes: text().trim().max(PROFILE_LIMITS.hopesLength).nullable(),
});
export type ProfileBody = z.infer<typeof ProfileBody>;

export const Completeness = z.object({ percent: z.number().int(), missing: z.array(CompletenessItem) });
export type Completeness = z.infer<typeof Completeness>;

export const Profile = ProfileBody.extend({
  updatedAt: z.iso.datetime().nullable(),
  /**
   * The person's roles in programmes not closed, from the enrolments they have not declined: the questions
   * the profile asks and its completeness follow them. Empty for someone in no such programme.
   */
  roles: z.array(ParticipantRole),
  completeness: Completeness,
});
export type Profile = z.infer<typeof Profile>;

export const SelfAssessmentBody = z.object({
  answers: z
    .array(z.object({ skillId: SkillId, level: Level }))
    .min(1, { error: "fields.required" })
    .max(200),
});
export type SelfAssessmentBody = z.infer<typeof SelfAssessmentBody>;
export const SelfAssessment = z.object({
  id: z.uuid(),
  takenAt: z.iso.datetime(),
  answers: z.array(z.object({ skillId: z.string(), level: Level })),
  /** Average level per catalogue category, for the chart. */
  byCategory: z.array(z.object({ categoryId: z.string(), average: z.number(), count: z.number().int() })),
});
export type SelfAssessment = z.infer<typeof SelfAssessment>;
export const SelfAssessmentList = z.object({ items: z.array(SelfAssessment) });

export const PersonIdParams = z.object({ id: z.uuid() });

/** What HR sees of a person: directory data, profile and completeness; self-assessments as dates only (scores stay the person's). */
export const PersonDetail = z.object({
  person: Person,
  profile: Profile.nullable(),
  completeness: Completeness,
  selfAssessments: z.array(z.object({ id: z.uuid(), takenAt: z.iso.datetime() })),
});
export type PersonDetail = z.infer<typeof PersonDetail>;
