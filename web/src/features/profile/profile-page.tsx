import { Button, Group, Stack, Stepper, Text, Title, useMatches } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Profile } from "../../../../contracts/profiles.ts";
import type { ParticipantRole } from "../../../../contracts/programmes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { ApiError } from "../../lib/api.ts";
import { setServerFieldErrors } from "../../lib/forms.ts";
import { urlParam, useUrlState } from "../../lib/use-url-state.ts";
import { CompletenessCard } from "./completeness-card.tsx";
import { PracticalStep } from "./practical-step.tsx";
import { type ProfileForm, stepTextKey, toBody, useProfileForm, type WizardStep, wizardSteps } from "./profile-form.ts";
import { ProfileSummary } from "./profile-summary.tsx";
import { useMyProfile, useSaveProfile } from "./queries.ts";
import { LearnStep, OfferStep, TeachStep } from "./skill-steps.tsx";

/** Which of the roles notes applies: one role, both, or none yet. */
function rolesNoteKey(roles: readonly ParticipantRole[]): string {
  if (roles.length === 0) return "profile.rolesNote.none";
  return roles.length === 1 ? `profile.rolesNote.${roles[0]}` : "profile.rolesNote.both";
}

/**
 * "My profile": a wizard whose steps follow the person's programme roles (a mentor says what they teach and
 * want to learn in return, a mentee what they want to learn and offer in return), then practicalities and a
 * summary; above it, the completeness indicator.
 */
export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("profile.title")} · Passerelle`);
  const profile = useMyProfile();
  return (
    <Stack>
      <Title order={1}>{t("profile.title")}</Title>
      <Text>{t("profile.intro")}</Text>
      <ErrorAlert error={profile.error} />
      {profile.isPending && <PageLoader />}
      {profile.data && (
        <>
          <Text size="sm" c="dimmed">
            {t(rolesNoteKey(profile.data.roles))}
          </Text>
          <CompletenessCard completeness={profile.data.completeness} withLinks />
          <ProfileWizard profile={profile.data} />
        </>
      )}
    </Stack>
  );
}

/** The step where the first field in error is, so that the person sees why saving failed. */
function firstStepWithError(steps: readonly WizardStep[], paths: string[]): WizardStep {
  const ofPath = paths.map((path) => steps.find((step) => step === path.split(".")[0]) ?? "practical");
  return steps.find((step) => ofPath.includes(step)) ?? "summary";
}

/** The active step lives in the address (?step=learn) so that "what is missing" can link to it; an unknown one is the first. */
function useStep(steps: readonly WizardStep[]): [WizardStep, (step: WizardStep) => void] {
  const url = useUrlState({ step: urlParam.choice(steps, steps[0] ?? "summary") });
  return [url.values.step, (step) => url.set({ step })];
}

function ProfileWizard({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const form = useProfileForm(profile);
  const steps = wizardSteps(profile.roles);
  const [step, setStep] = useStep(steps);
  const index = steps.indexOf(step);
  const compact = useMatches({ base: true, md: false });
  const showStepOf = (paths: string[]) => setStep(firstStepWithError(steps, paths));
  const save = useSaveProfile();
  const submit = form.onSubmit(
    (values) =>
      save.mutate(toBody(values), {
        onSuccess: () => {
          form.resetDirty();
          notifications.show({ color: "green", message: t("profile.saved") });
        },
        onError: (error) => {
          setServerFieldErrors(form, error);
          if (error instanceof ApiError && error.details.length) showStepOf(error.details.map((issue) => issue.path));
        },
      }),
    (errors) => showStepOf(Object.keys(errors)),
  );
  const isLast = index === steps.length - 1;
  const goTo = (next: number) => setStep(steps[next] ?? step);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Stepper active={index} onStepClick={goTo} size="sm" iconSize={compact ? 28 : 32}>
          {steps.map((name) => (
            // On a phone the labels do not fit: the step buttons keep them as their accessible names.
            <Stepper.Step
              key={name}
              label={compact ? undefined : t(stepTextKey(name, profile.roles, "title"))}
              aria-label={t(stepTextKey(name, profile.roles, "title"))}
            />
          ))}
        </Stepper>
        <Stack gap={4}>
          <Title order={2}>{t(stepTextKey(step, profile.roles, "title"))}</Title>
          <Text c="dimmed">{t(stepTextKey(step, profile.roles, "help"))}</Text>
        </Stack>
        <StepContent step={step} form={form} roles={profile.roles} />
        <ErrorAlert error={save.error} />
        <Group justify="space-between">
          <Button variant="default" onClick={() => goTo(index - 1)} disabled={index === 0}>
            {t("profile.previous")}
          </Button>
          <Group gap="xs">
            {!isLast && form.isDirty() && (
              <Button type="submit" variant="light" loading={save.isPending}>
                {t("common.save")}
              </Button>
            )}
            {isLast ? (
              <Button type="submit" loading={save.isPending}>
                {t("profile.save")}
              </Button>
            ) : (
              <Button onClick={() => goTo(index + 1)}>{t("profile.next")}</Button>
            )}
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function StepContent({ step, form, roles }: { step: WizardStep; form: ProfileForm; roles: ParticipantRole[] }) {
  switch (step) {
    case "teach":
      return <TeachStep form={form} />;
    case "learn":
      return <LearnStep form={form} roles={roles} />;
    case "offer":
      return <OfferStep form={form} />;
    case "practical":
      return <PracticalStep form={form} roles={roles} />;
    default:
      return <ProfileSummary profile={{ ...toBody(form.values), roles }} />;
  }
}
