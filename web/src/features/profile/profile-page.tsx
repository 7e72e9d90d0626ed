import { Button, Group, Stack, Stepper, Text, Title, useMatches } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { Profile } from "../../../../contracts/profiles.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { ApiError, api } from "../../lib/api.ts";
import { setServerFieldErrors } from "../../lib/forms.ts";
import { CompletenessCard } from "./completeness-card.tsx";
import { PracticalStep } from "./practical-step.tsx";
import { type ProfileForm, toBody, useProfileForm, WIZARD_STEPS } from "./profile-form.ts";
import { ProfileSummary } from "./profile-summary.tsx";
import { profileQueryKey, useMyProfile } from "./queries.ts";
import { LearnStep, OfferStep, TeachStep } from "./skill-steps.tsx";

/** "My profile": a five-step wizard (teach, learn, offer, practicalities, summary) and the completeness indicator. */
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
          <CompletenessCard completeness={profile.data.completeness} withLinks />
          <ProfileWizard profile={profile.data} />
        </>
      )}
    </Stack>
  );
}

/** The step where the first field in error is, so that the person sees why saving failed. */
function firstStepWithError(paths: string[]): number {
  const steps: readonly string[] = WIZARD_STEPS;
  const indexes = paths.map((path) => steps.indexOf(path.split(".")[0] ?? "")).filter((index) => index >= 0);
  if (indexes.length) return Math.min(...indexes);
  // Other fields (languages, format…) are on the practicalities step.
  return paths.length ? steps.indexOf("practical") : steps.length - 1;
}

/** The active step lives in the address (?step=2) so that "what is missing" can link to it. */
function useStep(): [number, (step: number) => void] {
  const [params, setParams] = useSearchParams();
  const step = Math.min(Math.max(Number(params.get("step")) || 0, 0), WIZARD_STEPS.length - 1);
  return [step, (next) => setParams({ step: String(next) }, { replace: true })];
}

function ProfileWizard({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useProfileForm(profile);
  const [step, setStep] = useStep();
  const compact = useMatches({ base: true, md: false });
  const showStepOf = (paths: string[]) => setStep(firstStepWithError(paths));
  const save = useMutation({
    mutationFn: (values: typeof form.values) => api.put<Profile>("/api/me/profile", toBody(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(profileQueryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ["people"] });
      form.resetDirty();
      notifications.show({ color: "green", message: t("profile.saved") });
    },
    onError: (error) => {
      setServerFieldErrors(form, error);
      if (error instanceof ApiError && error.details.length) showStepOf(error.details.map((issue) => issue.path));
    },
  });
  const submit = form.onSubmit(
    (values) => save.mutate(values),
    (errors) => showStepOf(Object.keys(errors)),
  );
  const last = WIZARD_STEPS.length - 1;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Stepper active={step} onStepClick={setStep} size="sm" iconSize={compact ? 28 : 32}>
          {WIZARD_STEPS.map((name) => (
            // On a phone the labels do not fit: the step buttons keep them as their accessible names.
            <Stepper.Step key={name} label={compact ? undefined : t(`profile.steps.${name}`)} aria-label={t(`profile.steps.${name}`)} />
          ))}
        </Stepper>
        <Stack gap={4}>
          <Title order={2}>{t(`profile.steps.${WIZARD_STEPS[step] ?? "teach"}`)}</Title>
          <Text c="dimmed">{t(`profile.help.${WIZARD_STEPS[step] ?? "teach"}`)}</Text>
        </Stack>
        <StepContent step={step} form={form} />
        <ErrorAlert error={save.error} />
        <Group justify="space-between">
          <Button variant="default" onClick={() => setStep(step - 1)} disabled={step === 0}>
            {t("profile.previous")}
          </Button>
          <Group gap="xs">
            {step < last && form.isDirty() && (
              <Button type="submit" variant="light" loading={save.isPending}>
                {t("common.save")}
              </Button>
            )}
            {step < last ? (
              <Button onClick={() => setStep(step + 1)}>{t("profile.next")}</Button>
            ) : (
              <Button type="submit" loading={save.isPending}>
                {t("profile.save")}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function StepContent({ step, form }: { step: number; form: ProfileForm }) {
  switch (WIZARD_STEPS[step]) {
    case "teach":
      return <TeachStep form={form} />;
    case "learn":
      return <LearnStep form={form} />;
    case "offer":
      return <OfferStep form={form} />;
    case "practical":
      return <PracticalStep form={form} />;
    default:
      return <ProfileSummary profile={toBody(form.values)} />;
  }
}
