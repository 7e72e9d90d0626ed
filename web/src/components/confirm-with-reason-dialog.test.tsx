import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../lib/api.ts";
import { renderWithProviders } from "../test/render.tsx";
import { ConfirmWithReasonDialog, type ConfirmWithReasonDialogProps } from "./confirm-with-reason-dialog.tsx";

const END_REASONS = [
  { value: "no_time", label: "Plus le temps" },
  { value: "left_company", label: "Départ de l'entreprise" },
] as const;

function renderDialog(props: Partial<ConfirmWithReasonDialogProps> = {}) {
  const onConfirm = vi.fn();
  const onClose = vi.fn();
  const rendered = renderWithProviders(
    <ConfirmWithReasonDialog
      opened
      onClose={onClose}
      title="Mettre fin au binôme"
      text="Léa sera prévenue."
      confirmLabel="Mettre fin"
      onConfirm={onConfirm}
      {...props}
    />,
  );
  return { ...rendered, onConfirm, onClose };
}

describe("ConfirmWithReasonDialog", () => {
  it("sends an optional free text, trimmed, or null when left empty", async () => {
    const { user, onConfirm } = renderDialog({ note: { label: "Pourquoi ? (facultatif)" } });
    expect(screen.getByRole("dialog", { name: "Mettre fin au binôme" })).toBeTruthy();
    expect(screen.getByText("Léa sera prévenue.")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Mettre fin" }));
    expect(onConfirm).toHaveBeenLastCalledWith({ reason: null, note: null });

    await user.type(screen.getByRole("textbox", { name: "Pourquoi ? (facultatif)" }), "  Trop de réunions  ");
    await user.click(screen.getByRole("button", { name: "Mettre fin" }));
    expect(onConfirm).toHaveBeenLastCalledWith({ reason: null, note: "Trop de réunions" });
  });

  it("asks for a required reason before confirming", async () => {
    const { user, onConfirm } = renderDialog({ reasons: { label: "Raison", options: END_REASONS, required: true } });
    await user.click(screen.getByRole("button", { name: "Mettre fin" }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText("Ce champ est obligatoire.")).toBeTruthy();

    await user.click(screen.getByRole("radio", { name: "Départ de l'entreprise" }));
    await user.click(screen.getByRole("button", { name: "Mettre fin" }));
    expect(onConfirm).toHaveBeenCalledWith({ reason: "left_company", note: null });
  });

  it("asks for a required text, and limits its length", async () => {
    const { user, onConfirm } = renderDialog({ note: { label: "Motif", required: true, maxLength: 20 } });
    await user.type(screen.getByRole("textbox", { name: "Motif" }), "   ");
    await user.click(screen.getByRole("button", { name: "Mettre fin" }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText("Ce champ est obligatoire.")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Motif" }).getAttribute("maxlength")).toBe("20");
  });

  it("offers many reasons in a list to choose from", async () => {
    const options = ["a", "b", "c", "d", "e", "f", "g"].map((value) => ({ value, label: `Raison ${value}` }));
    const { user, onConfirm } = renderDialog({ reasons: { label: "Raison", options } });
    expect(screen.queryByRole("radio")).toBeNull();
    await user.click(screen.getByRole("combobox", { name: "Raison" }));
    expect(screen.getAllByRole("option")).toHaveLength(7);
    await user.click(screen.getByRole("option", { name: "Raison f" }));
    await user.click(screen.getByRole("button", { name: "Mettre fin" }));
    expect(onConfirm).toHaveBeenCalledWith({ reason: "f", note: null });
  });

  it("shows the confirmation in progress and the API's error, next to its field", () => {
    const error = new ApiError(400, "VALIDATION_ERROR", "Certains champs sont invalides", [{ path: "note", message: "Trop long" }]);
    renderDialog({ note: { label: "Motif" }, loading: true, error });
    expect(screen.getByRole("button", { name: "Mettre fin" }).hasAttribute("data-loading")).toBe(true);
    expect(screen.getByRole("alert").textContent).toContain("Certains champs sont invalides");
    expect(screen.getByText("Trop long")).toBeTruthy();
  });

  it("closes on cancel and starts afresh when opened again", async () => {
    const { user, onClose, rerender } = renderDialog({ note: { label: "Motif" } });
    await user.type(screen.getByRole("textbox", { name: "Motif" }), "Brouillon");
    await user.click(screen.getByRole("button", { name: "Annuler" }));
    expect(onClose).toHaveBeenCalled();

    const dialog = (opened: boolean) => (
      <ConfirmWithReasonDialog
        opened={opened}
        onClose={onClose}
        title="T"
        confirmLabel="OK"
        note={{ label: "Motif" }}
        onConfirm={vi.fn()}
      />
    );
    rerender(dialog(false));
    rerender(dialog(true));
    expect((screen.getByRole("textbox", { name: "Motif" }) as HTMLTextAreaElement).value).toBe("");
  });
});
