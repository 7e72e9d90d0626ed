import { ActionIcon, Anchor, Button, Divider, Group, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Pair } from "../../../../contracts/pairs.ts";
import { RESOURCE_TITLE_MAX_LENGTH, RESOURCE_URL_MAX_LENGTH, type Resource, ResourceBody } from "../../../../contracts/session-notes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDate } from "../../lib/dates.ts";
import { errorMessage, setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { OpenActionItems } from "./action-items.tsx";
import { useAddResource, useDeleteResource, useResources } from "./queries.ts";

/**
 * The pair's resources — titled links either of them adds or removes — and its open action items with
 * their done checkboxes. Embedded by the pair's workspace page.
 */
export function ResourcesSection({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const resources = useResources(pair.id);
  return (
    <SectionCard title={t("sessionNotes.resources.title")} description={t("sessionNotes.resources.description")}>
      <Stack gap="md">
        <ErrorAlert error={resources.error} />
        {resources.data && resources.data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("sessionNotes.resources.empty")}
          </Text>
        )}
        {resources.data && resources.data.items.length > 0 && (
          <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {resources.data.items.map((resource) => (
              <ResourceRow key={resource.id} pair={pair} resource={resource} />
            ))}
          </Stack>
        )}
        <AddResource pair={pair} />
        <Divider />
        <OpenActionItems pair={pair} />
      </Stack>
    </SectionCard>
  );
}

function ResourceRow({ pair, resource }: { pair: Pair; resource: Resource }) {
  const { t } = useTranslation();
  const remove = useDeleteResource(pair.id);
  return (
    <Group component="li" justify="space-between" wrap="nowrap" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Anchor href={resource.url} target="_blank" rel="noopener noreferrer" fw={500} style={{ overflowWrap: "anywhere" }}>
          {resource.title}
        </Anchor>
        <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
          {resource.addedBy
            ? t("sessionNotes.resources.addedBy", { name: personName(resource.addedBy), date: formatDate(resource.createdAt, "medium") })
            : resource.url}
        </Text>
      </div>
      <Tooltip label={t("sessionNotes.resources.delete", { title: resource.title })}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t("sessionNotes.resources.delete", { title: resource.title })}
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(resource.id, {
              onSuccess: () => notifications.show({ message: t("sessionNotes.resources.deleted") }),
              onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
            })
          }
        >
          <span aria-hidden>✕</span>
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function AddResource({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const add = useAddResource(pair.id);
  const form = useForm<{ title: string; url: string }>({ initialValues: { title: "", url: "" }, validate: zodValidate(ResourceBody) });
  const submit = form.onSubmit((values) =>
    add.mutate(values, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("sessionNotes.resources.added") });
        form.reset();
      },
      onError: (error) => setServerFieldErrors(form, error),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <ErrorAlert error={add.error} />
        <Group align="flex-start" wrap="wrap" gap="sm">
          <TextInput
            label={t("sessionNotes.resources.titleLabel")}
            placeholder={t("sessionNotes.resources.titlePlaceholder")}
            maxLength={RESOURCE_TITLE_MAX_LENGTH}
            style={{ flex: "1 1 12rem" }}
            {...form.getInputProps("title")}
          />
          <TextInput
            label={t("sessionNotes.resources.url")}
            placeholder={t("sessionNotes.resources.urlPlaceholder")}
            type="url"
            maxLength={RESOURCE_URL_MAX_LENGTH}
            style={{ flex: "2 1 16rem" }}
            {...form.getInputProps("url")}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={add.isPending}>
            {t("sessionNotes.resources.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
