import { useForm } from "@mantine/form";
import { z } from "zod";
import { FORMATS, type Profile, ProfileBody } from "../../../../contracts/profiles.ts";
import { zodValidate } from "../../lib/forms.ts";

/** The profile as the wizard edits it: text inputs hold "" where the API has null. */
export type ProfileFormValues = Omit<ProfileBody, "format" | "hopes"> & { format: string; hopes: string };

const ProfileFormSchema = ProfileBody.extend({
  format: z.union([z.enum(FORMATS), z.literal("")]),
  hopes: z.string().trim().max(1000, { error: "fields.tooLong" }),
});

export const WIZARD_STEPS = ["teach", "learn", "offer", "practical", "summary"] as const;

/** Which wizard step fills each completeness item (the self-assessment has its own page). */
export const COMPLETENESS_STEP = {
  learn: 1,
  teachOrOffer: 0,
  availability: 3,
  format: 3,
  languages: 3,
  hopes: 3,
} as const;

export function toFormValues(profile: Profile): ProfileFormValues {
  const { updatedAt: _updatedAt, completeness: _completeness, format, hopes, ...rest } = profile;
  return { ...rest, format: format ?? "", hopes: hopes ?? "" };
}

export function toBody({ format, hopes, ...rest }: ProfileFormValues): ProfileBody {
  return { ...rest, format: format === "" ? null : (format as ProfileBody["format"]), hopes: hopes.trim() || null };
}

export function useProfileForm(profile: Profile) {
  return useForm<ProfileFormValues>({ initialValues: toFormValues(profile), validate: zodValidate(ProfileFormSchema) });
}

export type ProfileForm = ReturnType<typeof useProfileForm>;
