import { Modal, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { type Account, UpdateAccountBody } from "../../../../contracts/accounts.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { RoleCheckboxes } from "../../components/role-checkboxes.tsx";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { useUpdateAccount } from "./queries.ts";

/** Edits the roles of `account`; closed when `account` is null. */
export function EditRolesModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={account !== null}
      onClose={onClose}
      title={account ? t("people.editRolesOf", { name: account.displayName }) : ""}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {account && <EditRolesForm account={account} onDone={onClose} />}
    </Modal>
  );
}

function EditRolesForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { roles: account.roles }, validate: zodValidate(UpdateAccountBody) });
  const save = useUpdateAccount();
  const submit = (values: typeof form.values) =>
    save.mutate(
      { id: account.id, ...values },
      {
        onSuccess: (updated) => {
          notifications.show({ color: "green", message: t("people.rolesSaved", { name: updated.displayName }) });
          onDone();
        },
        onError: (error) => setServerFieldErrors(form, error),
      },
    );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <RoleCheckboxes {...form.getInputProps("roles")} />
        <FormActions submitLabel={t("common.save")} loading={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
