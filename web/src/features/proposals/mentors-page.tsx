import { Alert, Anchor, Avatar, Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue, useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { MAX_OPEN_PROPOSALS, type MentorOption, ProposalBody } from "../../../../contracts/pairs.ts";
import { TIME_SLOTS, WEEKDAYS } from "../../../../contracts/profiles.ts";
import type { Programme } from "../../../../contracts/programmes.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { TablePagination } from "../../components/table-pagination.tsx";
import { ApiError } from "../../lib/api.ts";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { languageName, languageOptions } from "../../lib/languages.ts";
import { personName } from "../../lib/person-name.ts";
import { FitBadge, MatchReasons } from "../pairs/match-reasons.tsx";
import { skillLabel, skillOptions, useCatalogue } from "../skills/catalogue.ts";
import { MENTORS_PAGE_SIZE, type MentorFilters, useMentors, useProgramme, useSendProposal } from "./queries.ts";

/** A mentor's format matches a filter when it is that one or both: "both" as a filter would filter nothing. */
const FORMAT_FILTERS = ["in_person", "online"] as const;

/**
 * A mentee looks for a mentor in a programme open to proposals: the mentors ranked by the engine's
 * score for them, shown as a kind word (never the figure) with its reasons, filters, and a proposal
 * (goals, what I offer) to each — at most three waiting at once.
 */
export function MentorsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("proposals.mentors.title")} · Passerelle`);
  const { id = "" } = useParams();
  const programme = useProgramme(id);
  const [filters, setFilters] = useState<MentorFilters>({ q: null, skill: null, format: null, language: null, slot: null, page: 1 });
  const setFilter = useCallback(
    (key: Exclude<keyof MentorFilters, "page">, value: string | null) =>
      setFilters((current) => (current[key] === value ? current : { ...current, [key]: value, page: 1 })),
    [],
  );
  const mentors = useMentors(id, filters);
  const [proposingTo, setProposingTo] = useState<MentorOption | null>(null);
  const open = mentors.data?.myOpenProposals ?? 0;
  const isFull = open >= MAX_OPEN_PROPOSALS;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t("proposals.mentors.title")}</Title>
        {programme.data && (
          <Text c="dimmed">
            {t("proposals.mentors.programme")}{" "}
            <Anchor component={Link} to={`/programmes/${id}`}>
              {programme.data.name}
            </Anchor>
          </Text>
        )}
      </Stack>
      <Text>{t("proposals.mentors.intro")}</Text>
      <MentorsError error={mentors.error} />
      {mentors.data && (
        <>
          <Group justify="space-between" align="center">
            <Group gap="xs">
              <Badge size="lg" variant="light" color={isFull ? "orange" : "indigo"}>
                {t("proposals.mentors.counter", { count: open, max: MAX_OPEN_PROPOSALS })}
              </Badge>
              {isFull && (
                <Text size="sm" c="dimmed">
                  {t("proposals.mentors.limitReached")}
                </Text>
              )}
            </Group>
            <Anchor component={Link} to="/proposals?tab=sent" size="sm">
              {t("proposals.mentors.seeMine")}
            </Anchor>
          </Group>
          <Filters filters={filters} onChange={setFilter} />
          <Stack gap="md" opacity={mentors.isPlaceholderData ? 0.6 : 1} aria-busy={mentors.isFetching}>
            {mentors.data.items.map((option) => (
              <MentorCard key={option.mentor.id} option={option} isFull={isFull} onPropose={() => setProposingTo(option)} />
            ))}
            {mentors.data.items.length === 0 && (
              <Card withBorder>
                <Text c="dimmed" ta="center" py="md">
                  {t("proposals.mentors.none")}
                </Text>
              </Card>
            )}
          </Stack>
          <TablePagination
            page={filters.page}
            pageSize={MENTORS_PAGE_SIZE}
            total={mentors.data.total}
            onChange={(page) => {
              setFilters((current) => ({ ...current, page }));
              window.scrollTo({ top: 0 });
            }}
          />
        </>
      )}
      {mentors.isPending && <PageLoader />}
      <ProposalModal programmeId={id} programme={programme.data} mentor={proposingTo} onClose={() => setProposingTo(null)} />
    </Stack>
  );
}

/** 409 PROFILE_NEEDED comes with the way to the profile; other errors are shown as they are. */
function MentorsError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === "PROFILE_NEEDED")
    return (
      <Alert color="yellow" title={t("proposals.mentors.profileNeededTitle")}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{error.message}</Text>
          <Button component={Link} to="/profile" size="xs">
            {t("proposals.mentors.toProfile")}
          </Button>
        </Stack>
      </Alert>
    );
  if (error instanceof ApiError && (error.code === "PROPOSALS_CLOSED" || error.status === 403))
    return (
      <Alert color="yellow" title={t("proposals.mentors.unavailableTitle")}>
        {error.status === 403 ? t("proposals.mentors.onlyMentees") : error.message}
      </Alert>
    );
  return <ErrorAlert error={error} />;
}

function Filters({
  filters,
  onChange,
}: {
  filters: MentorFilters;
  onChange: (key: Exclude<keyof MentorFilters, "page">, value: string | null) => void;
}) {
  const { t } = useTranslation();
  const catalogue = useCatalogue().data;
  const slots = WEEKDAYS.map((day) => ({
    group: t(`profile.weekdays.${day}`),
    items: TIME_SLOTS.map((slot) => ({
      value: `${day}:${slot}`,
      label: t("profile.practical.slotLabel", { day: t(`profile.weekdays.${day}`), slot: t(`profile.slots.${slot}`) }),
    })),
  }));
  return (
    <Group align="flex-end" role="search" aria-label={t("proposals.mentors.filters")}>
      <NameSearch onChange={(q) => onChange("q", q || null)} />
      <Select
        label={t("proposals.mentors.skill")}
        placeholder={t("proposals.mentors.allSkills")}
        data={skillOptions(catalogue, "digital")}
        value={filters.skill}
        onChange={(value) => onChange("skill", value)}
        searchable
        clearable
        nothingFoundMessage={t("proposals.mentors.noSkill")}
        w={{ base: "100%", sm: 260 }}
      />
      <ChoiceFilter
        label={t("proposals.mentors.format")}
        placeholder={t("proposals.mentors.allFormats")}
        values={FORMAT_FILTERS}
        optionLabel={(format) => t(`proposals.formats.${format}`)}
        value={(filters.format as (typeof FORMAT_FILTERS)[number] | null) ?? null}
        onChange={(format) => onChange("format", format)}
      />
      <Select
        label={t("proposals.mentors.language")}
        placeholder={t("proposals.mentors.allLanguages")}
        data={languageOptions()}
        value={filters.language}
        onChange={(value) => onChange("language", value)}
        searchable
        clearable
        w={{ base: "100%", sm: 200 }}
      />
      <Select
        label={t("proposals.mentors.slot")}
        placeholder={t("proposals.mentors.anySlot")}
        data={slots}
        value={filters.slot}
        onChange={(value) => onChange("slot", value)}
        clearable
        w={{ base: "100%", sm: 200 }}
      />
    </Group>
  );
}

/** A mentor by name ("I know who I would like"), sent once typing pauses. */
function NameSearch({ onChange }: { onChange: (q: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState("");
  const [debounced] = useDebouncedValue(value.trim(), 300);
  useEffect(() => onChange(debounced), [debounced, onChange]);
  return (
    <TextInput
      label={t("proposals.mentors.name")}
      placeholder={t("proposals.mentors.namePlaceholder")}
      type="search"
      value={value}
      onChange={(event) => setValue(event.currentTarget.value)}
      w={{ base: "100%", sm: 220 }}
    />
  );
}

function MentorCard({ option, isFull, onPropose }: { option: MentorOption; isFull: boolean; onPropose: () => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue().data;
  const { mentor } = option;
  const name = personName(mentor);
  const titleId = `mentor-${mentor.id}`;
  const practical = [
    option.format && t(`proposals.formats.${option.format}`),
    option.languages.length > 0 && option.languages.map(languageName).join(", "),
    t("proposals.mentors.placesLeft", { count: option.placesLeft }),
  ].filter(Boolean);
  const teaches = [...option.teaches].sort((a, b) => b.level - a.level);
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Avatar name={name} color="initials" size="lg" aria-hidden />
            <div>
              <Title order={2} size="h4" id={titleId}>
                {name}
              </Title>
              <Text size="sm" c="dimmed">
                {[mentor.jobTitle, mentor.department].filter(Boolean).join(" · ")}
              </Text>
            </div>
          </Group>
          <FitBadge score={option.score} />
        </Group>
        <MatchReasons reasons={option.reasons} />
        {teaches.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("proposals.mentors.teaches")}
            </Text>
            <Group gap={6}>
              {teaches.map(({ skillId, level }) => (
                <Badge
                  key={skillId}
                  variant="light"
                  color="gray"
                  size="lg"
                  tt="none"
                  fw={500}
                  title={t(`selfAssessment.levels.${level}.label`)}
                >
                  {t("proposals.mentors.skillLevel", { skill: skillLabel(catalogue, skillId), level })}
                </Badge>
              ))}
            </Group>
          </Stack>
        )}
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed">
            {practical.join(" · ")}
          </Text>
          {option.hasMyOpenProposal ? (
            <Button variant="light" disabled>
              {t("proposals.mentors.alreadyProposed")}
            </Button>
          ) : (
            <Button onClick={onPropose} disabled={isFull || option.placesLeft <= 0} aria-label={t("proposals.mentors.proposeTo", { name })}>
              {t("proposals.mentors.propose")}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

const ProposalFormSchema = ProposalBody.pick({ goals: true, offer: true });

function ProposalModal({
  programmeId,
  programme,
  mentor,
  onClose,
}: {
  programmeId: string;
  programme: Programme | undefined;
  mentor: MentorOption | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={mentor !== null}
      onClose={onClose}
      size="lg"
      title={mentor ? t("proposals.form.title", { name: personName(mentor.mentor) }) : ""}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {mentor && <ProposalForm programmeId={programmeId} programme={programme} mentor={mentor} onDone={onClose} />}
    </Modal>
  );
}

function ProposalForm({
  programmeId,
  programme,
  mentor,
  onDone,
}: {
  programmeId: string;
  programme: Programme | undefined;
  mentor: MentorOption;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const send = useSendProposal(programmeId);
  const name = mentor.mentor.firstName || personName(mentor.mentor);
  const form = useForm({ initialValues: { goals: "", offer: "" }, validate: zodValidate(ProposalFormSchema) });
  const submit = form.onSubmit((values) =>
    send.mutate(
      { mentorId: mentor.mentor.id, goals: values.goals.trim(), offer: values.offer.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("proposals.form.sent", { name: personName(mentor.mentor) }) });
          onDone();
        },
        onError: (error) => setServerFieldErrors(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("proposals.form.intro", { name })}</Text>
        <Textarea
          label={t("proposals.form.goals")}
          description={t("proposals.form.goalsHelp")}
          placeholder={t("proposals.form.goalsPlaceholder")}
          maxLength={2000}
          autosize
          minRows={4}
          maxRows={10}
          data-autofocus
          {...form.getInputProps("goals")}
        />
        <Textarea
          label={t("proposals.form.offer")}
          description={t("proposals.form.offerHelp", { name })}
          placeholder={t("proposals.form.offerPlaceholder")}
          maxLength={2000}
          autosize
          minRows={4}
          maxRows={10}
          {...form.getInputProps("offer")}
        />
        {programme && (
          <Text size="sm" c="dimmed">
            {t("proposals.form.expiry", { name, count: programme.proposalExpiryDays })}
          </Text>
        )}
        <ErrorAlert error={send.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={send.isPending}>
            {t("proposals.form.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
