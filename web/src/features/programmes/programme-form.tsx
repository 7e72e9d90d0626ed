import { Button, Group, Input, NumberInput, SegmentedControl, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { FORMATS } from "../../../../contracts/profiles.ts";
import {
  type Programme,
  ProgrammeFields,
  ProgrammeMatchingSettings,
  type ProgrammeTemplate,
  SESSION_MINUTES,
} from "../../../../contracts/programmes.ts";
import { DEFAULT_AGENDA_DEADLINE_HOURS } from "../../../../contracts/sessions.ts";
import { DateField } from "../../components/date-field.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import type { Language } from "../../i18n/index.ts";
import i18n from "../../i18n/index.ts";
import { zodValidate } from "../../lib/forms.ts";
import { addMonths, todayIsoDate } from "./labels.tsx";

type Weight = keyof ProgrammeFields["matchingSettings"]["weights"];
/** The engine's criteria, in the contract's order. */
const WEIGHTS = Object.keys(ProgrammeMatchingSettings.shape.weights.shape) as Weight[];

/** The contract's bounds of a number field, for the inputs' min and max: one source of truth with the API. */
function bounds(schema: { minValue: number | null; maxValue: number | null }) {
  return { min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined };
}
const FIELDS = ProgrammeFields.shape;
const SETTINGS = ProgrammeMatchingSettings.shape;
const LIMITS = {
  cadenceWeeks: bounds(FIELDS.cadenceWeeks),
  targetPairs: bounds(FIELDS.targetPairs.unwrap()),
  proposalExpiryDays: bounds(FIELDS.proposalExpiryDays),
  agendaDeadlineHours: bounds(FIELDS.agendaDeadlineHours),
  defaultCapacity: bounds(SETTINGS.defaultCapacity),
  managementChainDepth: bounds(SETTINGS.managementChainDepth.unwrap()),
  name: FIELDS.name.maxLength ?? undefined,
  objectives: FIELDS.objectives.maxLength ?? undefined,
  charter: FIELDS.charterFr.maxLength ?? undefined,
};
/** Number inputs hold "" while empty. */
type NumberValue = number | string;

/**
 * A programme as its form edits it: the same shape as the API body (so that the API's field errors
 * land on the right inputs), but weights and minimum score in percent, and "whole chain" as a switch.
 */
export interface ProgrammeFormValues {
  name: string;
  objectives: string;
  startsOn: string;
  endsOn: string;
  cadenceWeeks: NumberValue;
  sessionMinutes: string;
  format: (typeof FORMATS)[number];
  isPilot: boolean;
  targetPairs: NumberValue;
  allowsProposals: boolean;
  proposalExpiryDays: NumberValue;
  requiresOnboarding: boolean;
  agendaDeadlineHours: NumberValue;
  charterFr: string;
  charterEn: string;
  matchingSettings: {
    weights: Record<Weight, NumberValue>;
    minScore: NumberValue;
    defaultCapacity: NumberValue;
    forbidSameTeam: boolean;
    managementChainDepth: NumberValue;
  };
  wholeChain: boolean;
}

const toPercent = (fraction: number) => Math.round(fraction * 1000) / 10;
const toFraction = (percent: NumberValue) => (percent === "" ? Number.NaN : Math.round(Number(percent) * 10) / 1000);
const toNumber = (value: NumberValue) => (value === "" ? Number.NaN : Number(value));

function matchingValues(settings: ProgrammeTemplate["matchingSettings"]): Pick<ProgrammeFormValues, "matchingSettings" | "wholeChain"> {
  return {
    matchingSettings: {
      weights: Object.fromEntries(WEIGHTS.map((w) => [w, toPercent(settings.weights[w])])) as Record<Weight, number>,
      minScore: toPercent(settings.minScore),
      defaultCapacity: settings.defaultCapacity,
      forbidSameTeam: settings.forbidSameTeam,
      managementChainDepth: settings.managementChainDepth ?? "",
    },
    wholeChain: settings.managementChainDepth === null,
  };
}

/** A new programme from a template, its texts in the UI language, starting today. */
export function valuesFromTemplate(template: ProgrammeTemplate, language: Language): ProgrammeFormValues {
  const startsOn = todayIsoDate();
  return {
    name: template.name[language],
    objectives: template.objectives[language].trim(),
    startsOn,
    endsOn: addMonths(startsOn, template.durationMonths),
    cadenceWeeks: template.cadenceWeeks,
    sessionMinutes: String(template.sessionMinutes),
    format: template.format,
    isPilot: template.isPilot,
    targetPairs: template.targetPairs ?? "",
    allowsProposals: template.allowsProposals,
    proposalExpiryDays: template.proposalExpiryDays,
    requiresOnboarding: template.requiresOnboarding,
    agendaDeadlineHours: DEFAULT_AGENDA_DEADLINE_HOURS,
    charterFr: template.charter.fr,
    charterEn: template.charter.en,
    ...matchingValues(template.matchingSettings),
  };
}

export function valuesFromProgramme(programme: Programme): ProgrammeFormValues {
  return {
    name: programme.name,
    objectives: programme.objectives,
    startsOn: programme.startsOn,
    endsOn: programme.endsOn,
    cadenceWeeks: programme.cadenceWeeks,
    sessionMinutes: String(programme.sessionMinutes),
    format: programme.format,
    isPilot: programme.isPilot,
    targetPairs: programme.targetPairs ?? "",
    allowsProposals: programme.allowsProposals,
    proposalExpiryDays: programme.proposalExpiryDays,
    requiresOnboarding: programme.requiresOnboarding,
    agendaDeadlineHours: programme.agendaDeadlineHours,
    charterFr: programme.charterFr,
    charterEn: programme.charterEn,
    // Only managers edit a programme, and the API sends its matching settings to managers only.
    ...matchingValues(programme.matchingSettings as ProgrammeTemplate["matchingSettings"]),
  };
}

export function toProgrammeFields(values: ProgrammeFormValues): ProgrammeFields {
  const settings = values.matchingSettings;
  return {
    name: values.name,
    objectives: values.objectives,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    cadenceWeeks: toNumber(values.cadenceWeeks),
    sessionMinutes: Number(values.sessionMinutes) as ProgrammeFields["sessionMinutes"],
    format: values.format,
    isPilot: values.isPilot,
    targetPairs: values.isPilot && values.targetPairs !== "" ? Number(values.targetPairs) : null,
    charterFr: values.charterFr,
    charterEn: values.charterEn,
    matchingSettings: {
      weights: Object.fromEntries(WEIGHTS.map((w) => [w, toFraction(settings.weights[w])])) as Record<Weight, number>,
      minScore: toFraction(settings.minScore),
      defaultCapacity: toNumber(settings.defaultCapacity),
      forbidSameTeam: settings.forbidSameTeam,
      managementChainDepth: values.wholeChain ? null : toNumber(settings.managementChainDepth),
    },
    allowsProposals: values.allowsProposals,
    proposalExpiryDays: toNumber(values.proposalExpiryDays),
    requiresOnboarding: values.requiresOnboarding,
    agendaDeadlineHours: toNumber(values.agendaDeadlineHours),
  };
}

const checkFields = zodValidate(ProgrammeFields);

/** The contract's rules on the converted values, plus a plain "required" on empty number inputs. */
function validate(values: ProgrammeFormValues): FormErrors {
  const errors = checkFields(toProgrammeFields(values));
  const required = i18n.t("fields.required", { ns: "server" });
  const numbers: [string, NumberValue, boolean][] = [
    ["cadenceWeeks", values.cadenceWeeks, true],
    ["proposalExpiryDays", values.proposalExpiryDays, true],
    ["agendaDeadlineHours", values.agendaDeadlineHours, true],
    ["matchingSettings.minScore", values.matchingSettings.minScore, true],
    ["matchingSettings.defaultCapacity", values.matchingSettings.defaultCapacity, true],
    ["matchingSettings.managementChainDepth", values.matchingSettings.managementChainDepth, !values.wholeChain],
    ...WEIGHTS.map((w): [string, NumberValue, boolean] => [`matchingSettings.weights.${w}`, values.matchingSettings.weights[w], true]),
  ];
  for (const [path, value, isNeeded] of numbers) if (isNeeded && value === "") errors[path] = required;
  if (!values.startsOn) errors.startsOn = required;
  if (!values.endsOn) errors.endsOn = required;
  else if (values.startsOn && values.endsOn <= values.startsOn) errors.endsOn = i18n.t("fields.endBeforeStart", { ns: "server" });
  return errors;
}

export function useProgrammeForm(initialValues: ProgrammeFormValues) {
  return useForm<ProgrammeFormValues>({ initialValues, validate });
}

export type ProgrammeForm = ReturnType<typeof useProgrammeForm>;

/** Brings the first field in error into view, once React has rendered the messages. */
export function focusFirstError() {
  window.setTimeout(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: "center" });
    field?.focus({ preventScroll: true });
  }, 50);
}

/**
 * Every field of a programme, in sections. `durationMonths`, when given, keeps the end date in step
 * with the start date until the end date is edited by hand (creation from a template).
 */
export function ProgrammeFormFields({
  form,
  readOnly = false,
  onSubmit,
  submitLabel,
  isSaving,
  error,
  durationMonths,
}: {
  form: ProgrammeForm;
  readOnly?: boolean;
  onSubmit: (values: ProgrammeFormValues) => void;
  submitLabel: string;
  isSaving: boolean;
  error: unknown;
  durationMonths?: number;
}) {
  const { t } = useTranslation();
  const values = form.values;
  const weightSum = WEIGHTS.reduce((sum, w) => sum + (Number(values.matchingSettings.weights[w]) || 0), 0);
  const startsOn = form.getInputProps("startsOn");
  const endsOn = form.getInputProps("endsOn");
  const endsOnEdited = useRef(false);

  return (
    <form onSubmit={form.onSubmit(onSubmit, focusFirstError)} noValidate>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack>
          <SectionCard title={t("programmes.form.sections.general")}>
            <Stack>
              <TextInput label={t("programmes.form.name")} required maxLength={LIMITS.name} {...form.getInputProps("name")} />
              <Textarea
                label={t("programmes.form.objectives")}
                description={t("programmes.form.markdownHelp")}
                maxLength={LIMITS.objectives}
                autosize
                minRows={4}
                maxRows={14}
                {...form.getInputProps("objectives")}
              />
            </Stack>
          </SectionCard>

          <SectionCard title={t("programmes.form.sections.calendar")}>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateField
                  label={t("programmes.form.startsOn")}
                  required
                  {...startsOn}
                  onChange={(next) => {
                    startsOn.onChange(next);
                    if (durationMonths !== undefined && next && !endsOnEdited.current)
                      form.setFieldValue("endsOn", addMonths(next, durationMonths));
                  }}
                />
                <DateField
                  label={t("programmes.form.endsOn")}
                  required
                  {...endsOn}
                  onChange={(next) => {
                    endsOnEdited.current = true;
                    endsOn.onChange(next);
                  }}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t("programmes.form.cadenceWeeks")}
                  description={t("programmes.form.cadenceWeeksHelp")}
                  {...LIMITS.cadenceWeeks}
                  allowDecimal={false}
                  {...form.getInputProps("cadenceWeeks")}
                />
                <Input.Wrapper
                  label={t("programmes.form.sessionMinutes")}
                  labelElement="div"
                  error={form.errors.sessionMinutes}
                  description={t("programmes.form.sessionMinutesHelp")}
                >
                  <SegmentedControl
                    aria-label={t("programmes.form.sessionMinutes")}
                    data={SESSION_MINUTES.map((minutes) => ({
                      value: String(minutes),
                      label: t("programmes.minutes", { count: minutes }),
                    }))}
                    value={values.sessionMinutes}
                    onChange={(value) => form.setFieldValue("sessionMinutes", value)}
                    disabled={readOnly}
                    fullWidth
                    mt={4}
                  />
                </Input.Wrapper>
              </SimpleGrid>
              <NumberInput
                label={t("programmes.form.agendaDeadlineHours")}
                description={t("programmes.form.agendaDeadlineHoursHelp", LIMITS.agendaDeadlineHours)}
                {...LIMITS.agendaDeadlineHours}
                allowDecimal={false}
                suffix={t("programmes.form.hoursSuffix")}
                w={{ base: "100%", sm: 340 }}
                {...form.getInputProps("agendaDeadlineHours")}
              />
              <Input.Wrapper label={t("programmes.form.format")} labelElement="div" error={form.errors.format}>
                <SegmentedControl
                  aria-label={t("programmes.form.format")}
                  data={FORMATS.map((format) => ({ value: format, label: t(`programmes.formats.${format}`) }))}
                  value={values.format}
                  onChange={(value) => form.setFieldValue("format", value as ProgrammeFormValues["format"])}
                  disabled={readOnly}
                  mt={4}
                  display="flex"
                  w={{ base: "100%", sm: "fit-content" }}
                />
              </Input.Wrapper>
            </Stack>
          </SectionCard>

          <SectionCard title={t("programmes.form.sections.options")}>
            <Stack>
              <Switch
                label={t("programmes.form.isPilot")}
                description={t("programmes.form.isPilotHelp")}
                {...form.getInputProps("isPilot", { type: "checkbox" })}
              />
              {values.isPilot && (
                <NumberInput
                  label={t("programmes.form.targetPairs")}
                  {...LIMITS.targetPairs}
                  allowDecimal={false}
                  w={{ base: "100%", sm: 340 }}
                  ml={{ sm: 54 }}
                  {...form.getInputProps("targetPairs")}
                />
              )}
              <Switch
                label={t("programmes.form.allowsProposals")}
                description={t("programmes.form.allowsProposalsHelp")}
                {...form.getInputProps("allowsProposals", { type: "checkbox" })}
              />
              {values.allowsProposals && (
                <NumberInput
                  label={t("programmes.form.proposalExpiryDays")}
                  description={t("programmes.form.proposalExpiryDaysHelp")}
                  {...LIMITS.proposalExpiryDays}
                  allowDecimal={false}
                  w={{ base: "100%", sm: 340 }}
                  ml={{ sm: 54 }}
                  {...form.getInputProps("proposalExpiryDays")}
                />
              )}
              <Switch
                label={t("programmes.form.requiresOnboarding")}
                description={t("programmes.form.requiresOnboardingHelp")}
                {...form.getInputProps("requiresOnboarding", { type: "checkbox" })}
              />
            </Stack>
          </SectionCard>

          <SectionCard title={t("programmes.form.sections.charter")} description={t("programmes.form.charterHelp")}>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Textarea
                label={t("programmes.form.charterFr")}
                maxLength={LIMITS.charter}
                autosize
                minRows={8}
                maxRows={20}
                required
                {...form.getInputProps("charterFr")}
              />
              <Textarea
                label={t("programmes.form.charterEn")}
                maxLength={LIMITS.charter}
                autosize
                minRows={8}
                maxRows={20}
                required
                {...form.getInputProps("charterEn")}
              />
            </SimpleGrid>
          </SectionCard>

          <SectionCard title={t("programmes.form.sections.matching")} description={t("programmes.form.matchingHelp")}>
            <Stack>
              <Text fw={500} size="sm">
                {t("programmes.form.weightsTitle")}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                {WEIGHTS.map((weight) => (
                  <NumberInput
                    key={weight}
                    label={t(`programmes.weights.${weight}`)}
                    description={t(`programmes.weightsHelp.${weight}`)}
                    min={0}
                    max={100}
                    step={5}
                    decimalScale={1}
                    suffix={t("programmes.percentSuffix")}
                    {...form.getInputProps(`matchingSettings.weights.${weight}`)}
                  />
                ))}
              </SimpleGrid>
              <Text size="sm" c={Math.abs(weightSum - 100) < 0.05 ? "dimmed" : "orange"} aria-live="polite">
                {t("programmes.form.weightSum", { sum: Math.round(weightSum * 10) / 10 })}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                <NumberInput
                  label={t("programmes.form.minScore")}
                  description={t("programmes.form.minScoreHelp")}
                  min={0}
                  max={100}
                  step={5}
                  decimalScale={1}
                  suffix={t("programmes.percentSuffix")}
                  {...form.getInputProps("matchingSettings.minScore")}
                />
                <NumberInput
                  label={t("programmes.form.defaultCapacity")}
                  description={t("programmes.form.defaultCapacityHelp")}
                  {...LIMITS.defaultCapacity}
                  allowDecimal={false}
                  {...form.getInputProps("matchingSettings.defaultCapacity")}
                />
              </SimpleGrid>
              <Switch
                label={t("programmes.form.forbidSameTeam")}
                description={t("programmes.form.forbidSameTeamHelp")}
                {...form.getInputProps("matchingSettings.forbidSameTeam", { type: "checkbox" })}
              />
              <Switch
                label={t("programmes.form.wholeChain")}
                description={t("programmes.form.wholeChainHelp")}
                {...form.getInputProps("wholeChain", { type: "checkbox" })}
              />
              {!values.wholeChain && (
                <NumberInput
                  label={t("programmes.form.managementChainDepth")}
                  description={t("programmes.form.managementChainDepthHelp")}
                  {...LIMITS.managementChainDepth}
                  allowDecimal={false}
                  w={{ base: "100%", sm: 320 }}
                  ml={{ sm: 54 }}
                  {...form.getInputProps("matchingSettings.managementChainDepth")}
                />
              )}
            </Stack>
          </SectionCard>

          <ErrorAlert error={error} />
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={isSaving}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
