import { z } from "zod";
import { Person } from "./people.ts";
import { text } from "./text.ts";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;
export const TIME_SLOTS = ["morning", "lunch", "afternoon", "evening"] as const;
/** "mon:morning"… a weekday and a time slot a person is usually available in. */
export const AVAILABILITY_SLOTS = WEEKDAYS.flatMap((d) => TIME_SLOTS.map((s) => `${d}:${s}` as const));
/** How sessions take place: a person's preference, a programme's rule. */
export const FORMATS = ["in_person", "online", "both"] as const;
export const Format = z.enum(FORMATS);
export type Format = z.infer<typeof Format>;
export const COMPLETENESS_ITEMS = ["learn", "teachOrOffer", "availability", "format", "languages", "hopes", "selfAssessment"] as const;
export const CompletenessItem = z.enum(COMPLETENESS_ITEMS);
export type CompletenessItem = z.infer<typeof CompletenessItem>;
/** The three skill lists of a profile: what I can teach, want to learn, offer in return (profile_skills.kind). */
export const PROFILE_SKILL_KINDS = ["teach", "learn", "offer"] as const;
export const ProfileSkillKind = z.enum(PROFILE_SKILL_KINDS);
export type ProfileSkillKind = z.infer<typeof ProfileSkillKind>;

const SkillId = text()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(80);
const Level = z.number().int().min(0).max(4);

export const ProfileBody = z.object({
  /** Skills I can teach, with my level on the 0–4 scale (4 = I can guide others). */
  teach: z.array(z.object({ skillId: SkillId, level: Level })).max(20),
  /** Skills I want to learn, priority 1 (most wanted) to 3. */
  learn: z.array(z.object({ skillId: SkillId, priority: z.number().int().min(1).max(3) })).max(20),
  /** What I offer in return (usually reverse skills: leadership, strategy…). */
  offer: z.array(SkillId).max(20),
  interests: z.array(text().trim().toLowerCase().min(1).max(40)).max(20),
  availability: z.array(z.enum(AVAILABILITY_SLOTS as [string, ...string[]])).max(AVAILABILITY_SLOTS.length),
  format: Format.nullable(),
  languages: z
    .array(text().regex(/^[a-z]{2}$/))
    .min(1, { error: "fields.required" })
    .max(10),
  mentorCapacity: z.number().int().min(1).max(5),
  hopes: text().trim().max(1000).nullable(),
});
export type ProfileBody = z.infer<typeof ProfileBody>;

export const Completeness = z.object({ percent: z.number().int(), missing: z.array(CompletenessItem) });
export type Completeness = z.infer<typeof Completeness>;

export const Profile = ProfileBody.extend({ updatedAt: z.iso.datetime().nullable(), completeness: Completeness });
export type Profile = z.infer<typeof Profile>;

export const SelfAssessmentBody = z.object({
  answers: z
    .array(z.object({ skillId: SkillId, level: Level }))
    .min(1, { error: "fields.required" })
    .max(200),
});
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
