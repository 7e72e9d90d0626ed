import { Button, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The buttons at the foot of a form or a dialog, on the right: "Cancel" (when `onCancel` is given) and the
 * main button, which submits the form unless `onSubmit` is given. A short `note` goes on the left, dimmed (e.g.
 * "Léa will be told", or a count of answers, read out as it changes).
 */
export function FormActions({
  submitLabel,
  loading,
  disabled,
  destructive = false,
  onSubmit,
  onCancel,
  note,
}: {
  submitLabel: ReactNode;
  loading?: boolean;
  disabled?: boolean;
  /** A red main button, for what cannot be undone. */
  destructive?: boolean;
  /** For a main button outside a `<form>`. */
  onSubmit?: () => void;
  onCancel?: () => void;
  note?: ReactNode;
}) {
  const { t } = useTranslation();
  const buttons = (
    <>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      )}
      <Button
        type={onSubmit ? "button" : "submit"}
        onClick={onSubmit}
        color={destructive ? "red" : undefined}
        loading={loading}
        disabled={disabled}
      >
        {submitLabel}
      </Button>
    </>
  );
  if (!note) return <Group justify="flex-end">{buttons}</Group>;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {note}
      </Text>
      <Group gap="xs">{buttons}</Group>
    </Group>
  );
}
