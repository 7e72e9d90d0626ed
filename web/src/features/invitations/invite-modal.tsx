import { Modal, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DISPLAY_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH, InviteBody, type Role } from "../../../../contracts/accounts.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { RoleCheckboxes } from "../../components/role-checkboxes.tsx";
import { currentLanguage, type Language } from "../../i18n/index.ts";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { useCurrentUser } from "../auth/index.ts";
import { type InvitationLink, InvitationLinkView, invitationTitleKey } from "./invitation-link.tsx";
import { useInvite } from "./queries.ts";

interface InviteModalProps {
  opened: boolean;
  onClose: () => void;
  /** Prefilled from the directory when inviting a known person. */
  person?: { displayName: string; email: string };
}

/** Invite form, then whom the invitation was emailed to (or, without an SMTP server, its one-time link). The modal unmounts its content when closed, so each opening starts afresh. */
export function InviteModal({ opened, onClose, person }: InviteModalProps) {
  const { t } = useTranslation();
  const [invitation, setInvitation] = useState<InvitationLink | null>(null);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => setInvitation(null)}
      title={invitation ? t(invitationTitleKey(invitation)) : t("invitations.form.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {invitation ? (
        <InvitationLinkView invitation={invitation} onDone={onClose} />
      ) : (
        <InviteForm person={person} onInvited={setInvitation} onCancel={onClose} />
      )}
    </Modal>
  );
}

function InviteForm({
  person,
  onInvited,
  onCancel,
}: {
  person: InviteModalProps["person"];
  onInvited: (invitation: InvitationLink) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // The server lets managers grant only "participant": admins alone choose roles.
  const canChooseRoles = me.roles.includes("admin");
  const form = useForm({
    initialValues: {
      displayName: person?.displayName ?? "",
      email: person?.email ?? "",
      roles: ["participant"] as Role[],
      locale: currentLanguage() as Language,
    },
    validate: zodValidate(InviteBody),
  });
  const invite = useInvite();
  const submit = (values: typeof form.values) =>
    invite.mutate(values, { onSuccess: onInvited, onError: (error) => setServerFieldErrors(form, error) });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <ErrorAlert error={invite.error} />
        <TextInput
          label={t("fields.displayName")}
          maxLength={DISPLAY_NAME_MAX_LENGTH}
          required
          data-autofocus
          {...form.getInputProps("displayName")}
        />
        <TextInput label={t("fields.email")} type="email" maxLength={EMAIL_MAX_LENGTH} required {...form.getInputProps("email")} />
        {canChooseRoles ? (
          <RoleCheckboxes {...form.getInputProps("roles")} />
        ) : (
          <Text size="sm">{t("invitations.form.participantOnly")}</Text>
        )}
        <NativeSelect
          label={t("fields.personLanguage")}
          data={[
            { value: "fr", label: "Français" },
            { value: "en", label: "English" },
          ]}
          {...form.getInputProps("locale")}
        />
        <FormActions submitLabel={t("invitations.form.submit")} loading={invite.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
