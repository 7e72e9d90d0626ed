import { List, Modal, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PARTICIPANT_ROLES, type ParticipantRole, type Programme } from "../../../../contracts/programmes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { ApiError } from "../../lib/api.ts";
import { usePeople } from "../admin/index.ts";
import { skillOptions, useCatalogue } from "../skills/index.ts";
import { useEnrol } from "./queries.ts";

/** Employee ids pasted from a spreadsheet: one per line, or separated by commas, semicolons or spaces. */
export function parseEmployeeIds(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter(Boolean);
}

type Mode = "ids" | "filters";

/** Enrols people in a role, from pasted employee ids or from directory filters (with how many match). */
export function EnrolModal({ programme, opened, onClose }: { programme: Programme; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("programmes.enrol.title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && <EnrolForm programme={programme} onDone={onClose} />}
    </Modal>
  );
}

function EnrolForm({ programme, onDone }: { programme: Programme; onDone: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<ParticipantRole>("mentor");
  const [mode, setMode] = useState<Mode>("ids");
  const [idsText, setIdsText] = useState("");
  const [filters, setFilters] = useState({
    q: "",
    department: null as string | null,
    site: null as string | null,
    skill: null as string | null,
  });
  const [debouncedQ] = useDebouncedValue(filters.q.trim(), 300);
  const [formError, setFormError] = useState<string | null>(null);
  const catalogue = useCatalogue();
  const hasFilter = Boolean(debouncedQ || filters.department || filters.site || filters.skill);
  // The directory with the same filters: its lists of departments and sites, and how many people match.
  const people = usePeople({
    q: debouncedQ,
    department: filters.department,
    site: filters.site,
    skill: filters.skill,
    role: null,
    completeness: null,
    page: 1,
  });
  const enrol = useEnrol(programme.id);
  const ids = parseEmployeeIds(idsText);
  const idErrors = enrol.error instanceof ApiError ? enrol.error.details.filter((d) => d.path.startsWith("employeeIds")) : [];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (mode === "ids" && ids.length === 0) return setFormError(t("programmes.enrol.noIds"));
    if (mode === "filters" && !hasFilter) return setFormError(t("programmes.enrol.noFilter"));
    const body =
      mode === "ids"
        ? { role, employeeIds: ids }
        : {
            role,
            filters: {
              ...(debouncedQ ? { q: debouncedQ } : {}),
              ...(filters.department ? { department: filters.department } : {}),
              ...(filters.site ? { site: filters.site } : {}),
              ...(filters.skill ? { skill: filters.skill } : {}),
            },
          };
    enrol.mutate(body, {
      onSuccess: (result) => {
        notifications.show({
          color: "green",
          message: [
            t("programmes.enrol.enrolled", { count: result.enrolled, role: t(`programmes.rolesPlural.${role}`) }),
            result.alreadyEnrolled ? t("programmes.enrol.alreadyEnrolled", { count: result.alreadyEnrolled }) : "",
          ]
            .filter(Boolean)
            .join(" "),
        });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Radio.Group label={t("programmes.enrol.role")} value={role} onChange={(value) => setRole(value as ParticipantRole)}>
          <Stack gap="xs" mt="xs">
            {PARTICIPANT_ROLES.map((r) => (
              <Radio key={r} value={r} label={t(`programmes.enrol.as.${r}`)} description={t(`programmes.roleHelp.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <SegmentedControl
          aria-label={t("programmes.enrol.mode")}
          data={[
            { value: "ids", label: t("programmes.enrol.byIds") },
            { value: "filters", label: t("programmes.enrol.byFilters") },
          ]}
          value={mode}
          onChange={(value) => {
            setMode(value as Mode);
            setFormError(null);
            enrol.reset();
          }}
          fullWidth
        />
        {mode === "ids" ? (
          <Textarea
            label={t("programmes.enrol.ids")}
            description={t("programmes.enrol.idsHelp")}
            placeholder={"E00012\nE00034"}
            autosize
            minRows={5}
            maxRows={12}
            value={idsText}
            onChange={(event) => setIdsText(event.currentTarget.value)}
            error={
              idErrors.length > 0 && (
                <List size="sm" c="red">
                  {idErrors.map((issue) => (
                    <List.Item key={issue.path}>{issue.message}</List.Item>
                  ))}
                </List>
              )
            }
          />
        ) : (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("programmes.enrol.q")}
                description={t("programmes.enrol.qHelp")}
                value={filters.q}
                onChange={(event) => setFilters({ ...filters, q: event.currentTarget.value })}
              />
              <Select
                label={t("fields.department")}
                placeholder={t("people.allDepartments")}
                data={people.data?.departments ?? []}
                value={filters.department}
                onChange={(department) => setFilters({ ...filters, department })}
                searchable
                clearable
              />
              <Select
                label={t("fields.site")}
                placeholder={t("people.allSites")}
                data={people.data?.sites ?? []}
                value={filters.site}
                onChange={(site) => setFilters({ ...filters, site })}
                searchable
                clearable
              />
              <Select
                label={t("people.skill")}
                placeholder={t("people.allSkills")}
                data={skillOptions(catalogue.data)}
                value={filters.skill}
                onChange={(skill) => setFilters({ ...filters, skill })}
                searchable
                clearable
                nothingFoundMessage={t("skills.picker.noMatch")}
              />
            </SimpleGrid>
            {hasFilter && people.data && (
              <Text size="sm" aria-live="polite">
                {t("programmes.enrol.matching", { count: people.data.total })}
              </Text>
            )}
          </Stack>
        )}
        <Text size="sm" c="dimmed">
          {t(programme.phase === "draft" ? "programmes.enrol.notifyLater" : "programmes.enrol.notifyNow")}
        </Text>
        <ErrorAlert error={formError} />
        <ErrorAlert error={enrol.error} />
        <FormActions
          submitLabel={
            mode === "ids" && ids.length > 0 ? t("programmes.enrol.submitCount", { count: ids.length }) : t("programmes.enrol.submit")
          }
          loading={enrol.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
