import { useForm } from "@mantine/form";
import { z } from "zod";
import {
  type CompletenessItem,
  FORMATS,
  PROFILE_LIMITS,
  type Profile,
  ProfileBody,
  type ProfileSkillKind,
  skillListsFor,
} from "../../../../contracts/profiles.ts";
import type { ParticipantRole } from "../../../../contracts/programmes.ts";
import type { Family } from "../../../../contracts/skills.ts";
import { zodValidate } from "../../lib/forms.ts";

/** The profile as the wizard edits it: text inputs hold "" where the API has null. */
export type ProfileFormValues = Omit<ProfileBody, "format" | "hopes"> & { format: string; hopes: string };

const ProfileFormSchema = ProfileBody.extend({
  format: z.union([z.enum(FORMATS), z.literal("")]),
  hopes: z.string().trim().max(PROFILE_LIMITS.hopesLength, { error: "fields.tooLong" }),
});

export type WizardStep = ProfileSkillKind | "practical" | "summary";

/** The wizard's steps for these programme roles: the skill lists they fill (contracts' `skillListsFor`), practicalities, summary. */
export function wizardSteps(roles: readonly ParticipantRole[]): WizardStep[] {
  return [...skillListsFor(roles), "practical", "summary"];
}

/** Where each completeness item is filled in: a wizard step, or the self-assessment's own page. */
export function stepOfItem(item: CompletenessItem): WizardStep | "selfAssessment" {
  switch (item) {
    case "teach":
    case "learn":
    case "offer":
    case "selfAssessment":
      return item;
    // Someone in no programme yet sees every list: what they can teach comes first.
    case "teachOrOffer":
      return "teach";
    default:
      return "practical";
  }
}

/**
 * The one role these roles amount to, when there is one: the texts of a step can then speak of its
 * direction ("what I want to learn in return"). Null for both roles or none.
 */
export function singleRole(roles: readonly ParticipantRole[]): ParticipantRole | null {
  return roles.length === 1 ? (roles[0] ?? null) : null;
}

/**
 * The skill family of what these roles want to learn, to narrow its picker: a mentor learns reverse skills
 * in return, a mentee learns digital skills. Undefined (any family) for both roles or none.
 */
export function learnFamily(roles: readonly ParticipantRole[]): Family | undefined {
  const role = singleRole(roles);
  return role === "mentor" ? "reverse" : role === "mentee" ? "digital" : undefined;
}

/** Whether these roles ask how many mentees the person can take: mentors, and people in no programme yet. */
export function asksCapacity(roles: readonly ParticipantRole[]): boolean {
  return roles.length === 0 || roles.includes("mentor");
}

/** The i18n key of a step's title or help: a role's own wording where it has one (profile.roles.<role>.<step>). */
export function stepTextKey(step: WizardStep, roles: readonly ParticipantRole[], text: "title" | "help"): string {
  const role = singleRole(roles);
  if (role && step === "learn") return `profile.roles.${role}.${step}.${text}`;
  return text === "title" ? `profile.steps.${step}` : `profile.help.${step}`;
}

export function toFormValues(profile: Profile): ProfileFormValues {
  const { updatedAt: _updatedAt, completeness: _completeness, roles: _roles, format, hopes, ...rest } = profile;
  return { ...rest, format: format ?? "", hopes: hopes ?? "" };
}

export function toBody({ format, hopes, ...rest }: ProfileFormValues): ProfileBody {
  return { ...rest, format: format === "" ? null : (format as ProfileBody["format"]), hopes: hopes.trim() || null };
}

export function useProfileForm(profile: Profile) {
  return useForm<ProfileFormValues>({ initialValues: toFormValues(profile), validate: zodValidate(ProfileFormSchema) });
}

export type ProfileForm = ReturnType<typeof useProfileForm>;
