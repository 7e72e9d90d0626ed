import { z } from "zod";
import { ParticipantRole } from "./programmes.ts";
import { text } from "./text.ts";

/**
 * Goals of a pair, both ways (server/modules/goals): the senior's digital goals (the mentee learns)
 * and the junior's own — leadership, visibility, understanding the business (the mentor learns).
 */
export const GOAL_STATUSES = ["not_started", "in_progress", "achieved", "dropped"] as const;
export const GoalStatus = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof GoalStatus>;
/**
 * How a goal's status may change through a progress update (the server's rule, the web's choices).
 * "achieved" is final — the partner signs it off; a dropped goal may be taken up again.
 */
export const GOAL_TRANSITIONS: Record<GoalStatus, readonly GoalStatus[]> = {
  not_started: ["in_progress", "achieved", "dropped"],
  in_progress: ["achieved", "dropped"],
  dropped: ["in_progress"],
  achieved: [],
};

/** Limits of a goal's texts, shared by the API's checks and the web form's fields. */
export const GOAL_STATEMENT_MAX_LENGTH = 500;
export const GOAL_TARGET_MAX_LENGTH = 300;
export const GOAL_NOTE_MAX_LENGTH = 2000;
export const GOAL_EVIDENCE_URL_MAX_LENGTH = 2000;
export const GOAL_EVIDENCE_TEXT_MAX_LENGTH = 2000;
/** A goal works on one to this many catalogue skills. */
export const GOAL_MAX_SKILLS = 5;

const Bilingual = z.object({ fr: z.string(), en: z.string() });

/** An http(s) link, as evidence of progress. */
const HttpUrl = text()
  .trim()
  .max(GOAL_EVIDENCE_URL_MAX_LENGTH)
  .refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), { error: "fields.httpUrl" });
const SkillIds = z
  .array(text().trim().min(1, { error: "fields.required" }).max(80))
  .min(1, { error: "fields.atLeastOneSkill" })
  .max(GOAL_MAX_SKILLS, { error: "fields.tooManySkills" });
const Statement = text().trim().min(1, { error: "fields.required" }).max(GOAL_STATEMENT_MAX_LENGTH);
const Target = text().trim().min(1, { error: "fields.required" }).max(GOAL_TARGET_MAX_LENGTH);
/** The due date, a calendar day (YYYY-MM-DD); the use case checks it is within reason. */
const DueOn = z.iso.date({ error: "fields.date" });

/** A progress update on a goal: a status change and/or words, with optional evidence. */
export const GoalUpdate = z.object({
  id: z.uuid(),
  /** The author's part in the pair (null once their directory entry is gone). */
  authorRole: ParticipantRole.nullable(),
  /** The status the update set, or null when it only adds words. */
  status: GoalStatus.nullable(),
  note: z.string(),
  evidenceUrl: z.string().nullable(),
  evidenceText: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type GoalUpdate = z.infer<typeof GoalUpdate>;

/** What the caller may do with a goal now (server/modules/goals/goals.domain.ts decides). */
export const GoalActions = z.object({
  edit: z.boolean(),
  agree: z.boolean(),
  update: z.boolean(),
  achieve: z.boolean(),
  signOff: z.boolean(),
});
export type GoalActions = z.infer<typeof GoalActions>;

/** A goal as the pair's two people see it, with its updates newest first. */
export const Goal = z.object({
  id: z.uuid(),
  pairId: z.uuid(),
  /** Who learns: "mentee" (the senior's digital goals) or "mentor" (the junior's own). */
  learnerRole: ParticipantRole,
  skillIds: z.array(z.string()),
  templateId: z.string().nullable(),
  statement: z.string(),
  target: z.string(),
  dueOn: z.iso.date().nullable(),
  status: GoalStatus,
  /** Who wrote the current wording (null once their directory entry is gone): the other one agrees to it. */
  authorRole: ParticipantRole.nullable(),
  agreedAt: z.iso.datetime().nullable(),
  achievedAt: z.iso.datetime().nullable(),
  /** The partner of the learner saw it achieved ("I saw it"). */
  signedOffAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  updates: z.array(GoalUpdate),
  can: GoalActions,
});
export type Goal = z.infer<typeof Goal>;

/**
 * Whether the app asks the pair to agree their goals: before their third session (two held), both
 * directions have at least one goal and every goal still pursued is agreed. `missing` names the
 * directions (who learns) that have no goal yet or a goal not agreed, whether or not it is `needed` yet.
 */
export const GoalAgreement = z.object({
  needed: z.boolean(),
  sessionsHeld: z.number().int(),
  missing: z.array(ParticipantRole),
});
export type GoalAgreement = z.infer<typeof GoalAgreement>;

export const GoalList = z.object({ items: z.array(Goal), agreement: GoalAgreement });
export type GoalList = z.infer<typeof GoalList>;

export const GoalParams = z.object({ id: z.uuid() });

export const CreateGoalBody = z.object({
  learnerRole: ParticipantRole,
  skillIds: SkillIds,
  statement: Statement,
  target: Target,
  dueOn: DueOn,
  /** The template it starts from (GET /api/goal-templates), if any. */
  templateId: text().trim().min(1).max(80).optional(),
});
export type CreateGoalBody = z.infer<typeof CreateGoalBody>;

/** Only the fields sent change; editing clears the partner's agreement. */
export const UpdateGoalBody = z
  .object({ skillIds: SkillIds, statement: Statement, target: Target, dueOn: DueOn })
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { error: "fields.nothingToChange" });
export type UpdateGoalBody = z.infer<typeof UpdateGoalBody>;

export const GoalProgressBody = z
  .object({
    status: GoalStatus.optional(),
    note: text().trim().max(GOAL_NOTE_MAX_LENGTH).default(""),
    evidenceUrl: HttpUrl.nullish(),
    evidenceText: text().trim().max(GOAL_EVIDENCE_TEXT_MAX_LENGTH).nullish(),
  })
  .refine((body) => body.status !== undefined || body.note !== "" || Boolean(body.evidenceUrl) || Boolean(body.evidenceText), {
    error: "fields.required",
    path: ["note"],
  });
export type GoalProgressBody = z.infer<typeof GoalProgressBody>;

/** A goal template of catalogue/goal-templates.yaml, to start from: words in French and English. */
export const GoalTemplate = z.object({
  id: z.string(),
  skillId: z.string(),
  learnerRole: ParticipantRole,
  statement: Bilingual,
  target: Bilingual,
  /** Weeks suggested until the due date. */
  weeks: z.number().int(),
});
export type GoalTemplate = z.infer<typeof GoalTemplate>;
export const GoalTemplateList = z.object({ items: z.array(GoalTemplate) });
export const GoalTemplatesQuery = z.object({
  skillId: text().trim().max(80).optional(),
  learnerRole: ParticipantRole.optional(),
});
