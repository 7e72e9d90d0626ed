import { z } from "zod";
import { EnrolmentStatus, ParticipantRole } from "./programmes.ts";
import { text } from "./text.ts";

const Localised = z.object({ fr: z.string(), en: z.string() });
export type Localised = z.infer<typeof Localised>;

/** At most one private answer per reflection question (modules ask 2 or 3); empty answers are kept as such. */
export const MAX_REFLECTIONS = 3;
export const MAX_REFLECTION_LENGTH = 2000;

/** A preparation module of catalogue/onboarding.yaml: Markdown body and reflection questions, in French and English. */
export const OnboardingModule = z.object({
  id: z.string(),
  audience: ParticipantRole,
  /** Reading order within the audience, from 1. */
  order: z.number().int(),
  /** Reading time. */
  minutes: z.number().int(),
  title: Localised,
  summary: Localised,
  /** Markdown. */
  body: Localised,
  questions: z.array(Localised),
});
export type OnboardingModule = z.infer<typeof OnboardingModule>;
export const OnboardingModuleList = z.object({ items: z.array(OnboardingModule) });
export type OnboardingModuleList = z.infer<typeof OnboardingModuleList>;

export const ProgrammeIdParams = z.object({ id: z.uuid() });
export const ModuleIdParams = z.object({ moduleId: text().min(1).max(80) });

/** My onboarding in one programme: my role's modules in reading order, the programme's charter, where I stand. */
export const MyOnboarding = z.object({
  programmeId: z.uuid(),
  role: ParticipantRole,
  /** When true, a pair of this programme cannot start sessions before both have completed their onboarding. */
  requiresOnboarding: z.boolean(),
  modules: z.array(
    z.object({
      id: z.string(),
      minutes: z.number().int(),
      title: Localised,
      summary: Localised,
      completedAt: z.iso.datetime().nullable(),
    }),
  ),
  modulesDone: z.number().int(),
  modulesTotal: z.number().int(),
  /** Markdown. */
  charter: Localised,
  charterAcceptedAt: z.iso.datetime().nullable(),
  isComplete: z.boolean(),
});
export type MyOnboarding = z.infer<typeof MyOnboarding>;

export const CompleteModuleBody = z.object({
  /** My private answers to the module's questions, in their order; they are never shown to anyone else. */
  reflections: z.array(text().max(MAX_REFLECTION_LENGTH)).max(MAX_REFLECTIONS),
});
export type CompleteModuleBody = z.infer<typeof CompleteModuleBody>;

/** My reading of one module: when I first marked it read (null: not yet) and my private reflections. */
export const MyModuleProgress = z.object({
  moduleId: z.string(),
  completedAt: z.iso.datetime().nullable(),
  reflections: z.array(z.string()),
});
export type MyModuleProgress = z.infer<typeof MyModuleProgress>;

/** Onboarding completion of a programme's enrolled people (not declined), for its managers: never the reflections. */
export const ProgrammeOnboarding = z.object({
  programmeId: z.uuid(),
  requiresOnboarding: z.boolean(),
  items: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      role: ParticipantRole,
      status: EnrolmentStatus.exclude(["declined"]),
      modulesDone: z.number().int(),
      modulesTotal: z.number().int(),
      charterAccepted: z.boolean(),
      isComplete: z.boolean(),
    }),
  ),
  totals: z.object({ people: z.number().int(), complete: z.number().int() }),
});
export type ProgrammeOnboarding = z.infer<typeof ProgrammeOnboarding>;
