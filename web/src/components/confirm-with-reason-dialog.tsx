/**
 * A modal that confirms an action which may need a reason: ending a pair (a reason to choose, a note),
 * saying an intro is not a fit or declining a proposal (a free text), withdrawing a proposal or removing
 * an enrolment (no reason at all, just the confirmation).
 *
 * ```tsx
 * <ConfirmWithReasonDialog
 *   opened={ending}
 *   onClose={close}
 *   title={t("pairs.active.endTitle")}
 *   text={t("pairs.active.endText", { name })}
 *   reasons={{ label: t("pairs.active.endReason"), options: END_REASONS.map((r) => ({ value: r, label: t(`pairs.endReasons.${r}`) })), required: true }}
 *   note={{ label: t("pairs.active.endNote"), description: t("pairs.active.endNoteHelp", { name }) }}
 *   confirmLabel={t("pairs.active.endConfirm")}
 *   loading={endPair.isPending}
 *   error={endPair.error}
 *   onConfirm={({ reason, note }) => endPair.mutate({ reason: reason as EndReason, note }, { onSuccess: close })}
 * />
 * ```
 *
 * The form starts empty each time the dialog opens. The caller keeps the mutation: it passes its
 * `isPending` and `error`, and closes the dialog on success; the API's field errors (`details`) show
 * under the matching field (`reasons.field`, `note.field`).
 */
import { Modal, Radio, Select, Stack, Text, Textarea } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { FormActions } from "./form-actions.tsx";

/** Up to this many reasons show as radio buttons (one click, all visible); more go into a list. */
const MAX_RADIOS = 5;

export interface ReasonOption<R extends string> {
  value: R;
  label: string;
}

export interface ConfirmWithReasonDialogProps<R extends string = string> {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, above the fields. */
  text?: ReactNode;
  /** A reason to choose among `options`. */
  reasons?: {
    label: string;
    options: readonly ReasonOption<R>[];
    placeholder?: string;
    description?: ReactNode;
    /** Default false. */
    required?: boolean;
    /** The API's name for this field, to show its field errors here. Default "reason". */
    field?: string;
  };
  /** A free text (a note, or the reason itself when there is no choice). */
  note?: {
    label: string;
    description?: ReactNode;
    placeholder?: string;
    /** Default false: an empty text is sent as null. */
    required?: boolean;
    /** Default 1000, the API's usual limit. */
    maxLength?: number;
    /** The API's name for this field, to show its field errors here. Default "note". */
    field?: string;
  };
  confirmLabel: string;
  /** A red confirm button. Default true: the actions that need a reason end or refuse something. */
  destructive?: boolean;
  /** The action is under way: the confirm button spins. */
  loading?: boolean;
  /** The action's error (an ApiError is translated by the API), shown above the buttons. */
  error?: unknown;
  /** The chosen reason (null when none: never null when `reasons.required`) and the trimmed text (null when empty). */
  onConfirm: (value: { reason: R | null; note: string | null }) => void;
}

export function ConfirmWithReasonDialog<R extends string = string>(props: ConfirmWithReasonDialogProps<R>) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} closeButtonProps={{ "aria-label": t("common.close") }}>
      {/* Mounted only while open, so that each opening starts with an empty form. */}
      {props.opened && <ReasonForm {...props} />}
    </Modal>
  );
}

function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.details.find((issue) => issue.path === field)?.message : undefined;
}

function ReasonForm<R extends string>({
  onClose,
  text,
  reasons,
  note,
  confirmLabel,
  destructive = true,
  loading = false,
  error,
  onConfirm,
}: ConfirmWithReasonDialogProps<R>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<R | null>(null);
  const [noteText, setNoteText] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  const required = t("fields.required", { ns: "server" });
  const maxLength = note?.maxLength ?? 1000;

  const confirm = () => {
    const trimmed = noteText.trim();
    const found = {
      reason: reasons?.required && reason === null ? required : undefined,
      note: note?.required && trimmed === "" ? required : undefined,
    };
    setErrors(found);
    if (found.reason || found.note) return;
    onConfirm({ reason, note: trimmed === "" ? null : trimmed });
  };

  const reasonError = errors.reason ?? fieldError(error, reasons?.field ?? "reason");
  const noteError = errors.note ?? fieldError(error, note?.field ?? "note");
  const select = (value: string | null) => {
    setReason(value as R | null);
    setErrors((current) => ({ ...current, reason: undefined }));
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        confirm();
      }}
    >
      <Stack>
        {text && <Text size="sm">{text}</Text>}
        {reasons &&
          (reasons.options.length <= MAX_RADIOS ? (
            <Radio.Group
              label={reasons.label}
              description={reasons.description}
              value={reason}
              onChange={select}
              error={reasonError}
              required={reasons.required}
            >
              <Stack gap="xs" mt="xs">
                {reasons.options.map((option, index) => (
                  <Radio key={option.value} value={option.value} label={option.label} data-autofocus={index === 0 || undefined} />
                ))}
              </Stack>
            </Radio.Group>
          ) : (
            <Select
              label={reasons.label}
              description={reasons.description}
              placeholder={reasons.placeholder}
              data={reasons.options.map((option) => ({ value: option.value, label: option.label }))}
              value={reason}
              onChange={select}
              error={reasonError}
              required={reasons.required}
              allowDeselect={!reasons.required}
              data-autofocus
            />
          ))}
        {note && (
          <Textarea
            label={note.label}
            description={note.description}
            placeholder={note.placeholder}
            value={noteText}
            onChange={(event) => {
              setNoteText(event.currentTarget.value);
              setErrors((current) => ({ ...current, note: undefined }));
            }}
            error={noteError}
            required={note.required}
            maxLength={maxLength}
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus={!reasons || undefined}
          />
        )}
        <ErrorAlert error={error} />
        <FormActions submitLabel={confirmLabel} loading={loading} destructive={destructive} onCancel={onClose} />
      </Stack>
    </form>
  );
}
