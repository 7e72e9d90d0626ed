import { Button, Group, Menu, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Skill } from "../../../../contracts/skills.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/forms.ts";
import { localized } from "../skills/index.ts";
import { useDeleteSkill, useUpdateSkill } from "./queries.ts";

/** Archives or restores `skill`, and says so. */
function useArchive(skill: Skill, onDone?: () => void) {
  const { t } = useTranslation();
  const update = useUpdateSkill();
  const archive = (isArchived: boolean) =>
    update.mutate(
      { id: skill.id, isArchived },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: "green",
            message: t(updated.isArchived ? "skillsAdmin.archived" : "skillsAdmin.restored", { skill: localized(updated.label) }),
          });
          onDone?.();
        },
        onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
      },
    );
  return { archive, isPending: update.isPending };
}

/** The actions menu of a skill: edit, archive or restore, and delete for organisation skills. */
export function SkillActions({ skill, onEdit }: { skill: Skill; onEdit: () => void }) {
  const { t } = useTranslation();
  const archive = useArchive(skill);
  const [deleting, setDeleting] = useState(false);
  const label = localized(skill.label);
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="xs" variant="default" aria-label={t("skillsAdmin.actionsFor", { skill: label })} loading={archive.isPending}>
            {t("common.actions")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onEdit}>{t("skillsAdmin.edit")}</Menu.Item>
          <Menu.Item onClick={() => archive.archive(!skill.isArchived)}>
            {t(skill.isArchived ? "skillsAdmin.restore" : "skillsAdmin.archive")}
          </Menu.Item>
          {skill.isCustom && (
            <Menu.Item color="red" onClick={() => setDeleting(true)}>
              {t("skillsAdmin.delete")}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t("skillsAdmin.deleteTitle", { skill: label })}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {deleting && <DeleteSkill skill={skill} onDone={() => setDeleting(false)} />}
      </Modal>
    </>
  );
}

/**
 * Confirms a deletion; when the skill is in use (409) offers to archive it instead. Not the shared
 * ConfirmWithReasonDialog: after the refusal its main button becomes another action.
 */
function DeleteSkill({ skill, onDone }: { skill: Skill; onDone: () => void }) {
  const { t } = useTranslation();
  const archive = useArchive(skill, onDone);
  const remove = useDeleteSkill();
  const confirm = () =>
    remove.mutate(skill.id, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("skillsAdmin.deleted", { skill: localized(skill.label) }) });
        onDone();
      },
    });
  const inUse = remove.error instanceof ApiError && remove.error.status === 409;
  return (
    <Stack>
      <Text size="sm">{t("skillsAdmin.deleteText")}</Text>
      <ErrorAlert error={remove.error} color={inUse ? "orange" : "red"} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        {inUse && !skill.isArchived ? (
          <Button onClick={() => archive.archive(true)} loading={archive.isPending}>
            {t("skillsAdmin.archiveInstead")}
          </Button>
        ) : (
          <Button color="red" onClick={confirm} loading={remove.isPending} disabled={inUse}>
            {t("skillsAdmin.delete")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
