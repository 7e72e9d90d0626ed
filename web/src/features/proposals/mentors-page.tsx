import { Alert, Anchor, Avatar, Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { MAX_OPEN_PROPOSALS, type MentorOption, PROPOSAL_TEXT_MAX_LENGTH, ProposalBody } from "../../../../contracts/pairs.ts";
import { TIME_SLOTS, WEEKDAYS } from "../../../../contracts/profiles.ts";
import type { Programme } from "../../../../contracts/programmes.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { TablePagination } from "../../components/table-pagination.tsx";
import { ApiError } from "../../lib/api.ts";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { languageName, languageOptions } from "../../lib/languages.ts";
import { personName } from "../../lib/person-name.ts";
import { type UrlState, urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { FitBadge, MatchReasons } from "../pairs/index.ts";
import { useProgramme } from "../programmes/index.ts";
import { skillLabel, skillOptions, useCatalogue } from "../skills/index.ts";
import { MENTORS_PAGE_SIZE, useMentors, useSendProposal } from "./queries.ts";

/** A mentor's format matches a filter when it is that one or both: "both" as a filter would filter nothing. */
const FORMAT_FILTERS = ["in_person", "online"] as const;

const FILTER_PARAMS = {
  q: urlParam.text(),
  skill: urlParam.optionalText(),
  format: urlParam.choice(FORMAT_FILTERS),
  language: urlParam.optionalText(),
  slot: urlParam.optionalText(),
};

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
  // The filters live in the address: back from a mentor's proposal, or on reload, the same list shows.
  const url = useUrlState(FILTER_PARAMS);
  const mentors = useMentors(id, { ...url.values, page: url.page });
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
          <Filters url={url} />
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
            page={url.page}
            pageSize={MENTORS_PAGE_SIZE}
            total={mentors.data.total}
            onChange={(page) => {
              url.setPage(page, { history: "push" });
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

function Filters({ url }: { url: UrlState<typeof FILTER_PARAMS> }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue().data;
  const { search, setSearch } = useUrlSearch(url);
  const slots = WEEKDAYS.map((day) => ({
    group: t(`profile.weekdays.${day}`),
    items: TIME_SLOTS.map((slot) => ({
      value: `${day}:${slot}`,
      label: t("profile.practical.slotLabel", { day: t(`profile.weekdays.${day}`), slot: t(`profile.slots.${slot}`) }),
    })),
  }));
  const { values } = url;
  return (
    <Group align="flex-end" role="search" aria-label={t("proposals.mentors.filters")}>
      {/* A mentor by name ("I know who I would like"), sent once typing pauses. */}
      <TextInput
        label={t("proposals.mentors.name")}
        placeholder={t("proposals.mentors.namePlaceholder")}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        w={{ base: "100%", sm: 220 }}
      />
      <Select
        label={t("proposals.mentors.skill")}
        placeholder={t("proposals.mentors.allSkills")}
        data={skillOptions(catalogue, "digital")}
        value={values.skill}
        onChange={(skill) => url.set({ skill })}
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
        value={values.format}
        onChange={(format) => url.set({ format })}
      />
      <Select
        label={t("proposals.mentors.language")}
        placeholder={t("proposals.mentors.allLanguages")}
        data={languageOptions()}
        value={values.language}
        onChange={(language) => url.set({ language })}
        searchable
        clearable
        w={{ base: "100%", sm: 200 }}
      />
      <Select
        label={t("proposals.mentors.slot")}
        placeholder={t("proposals.mentors.anySlot")}
        data={slots}
        value={values.slot}
        onChange={(slot) => url.set({ slot })}
        clearable
        w={{ base: "100%", sm: 200 }}
      />
    </Group>
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
          <FitBadge fit={option.fit} />
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
          maxLength={PROPOSAL_TEXT_MAX_LENGTH}
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
          maxLength={PROPOSAL_TEXT_MAX_LENGTH}
          autosize
          minRows={4}
          maxRows={10}
          {...form.getInputProps("offer")}
        />
        {programme && (
          <Text size="sm" c="dimmed">
            {t("proposals.form.expiry", { name, count: programme.proposalExpiryDays, max: MAX_OPEN_PROPOSALS })}
          </Text>
        )}
        <ErrorAlert error={send.error} />
        <FormActions submitLabel={t("proposals.form.send")} loading={send.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
