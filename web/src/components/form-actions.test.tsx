import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../test/render.tsx";
import { FormActions } from "./form-actions.tsx";

describe("FormActions", () => {
  it("submits its form, or cancels without submitting", async () => {
    const onSubmit = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const onCancel = vi.fn();
    const { user } = renderWithProviders(
      <form onSubmit={onSubmit}>
        <FormActions submitLabel="Enregistrer" onCancel={onCancel} />
      </form>,
    );
    await user.click(screen.getByRole("button", { name: "Annuler" }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it("shows a note beside the buttons, and no cancel button without onCancel", async () => {
    const onSubmit = vi.fn();
    const { user, rerender } = renderWithProviders(
      <FormActions submitLabel="Envoyer" onSubmit={onSubmit} disabled note="0 réponse sur 2 questions" />,
    );
    expect(screen.getByText("0 réponse sur 2 questions")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Annuler" })).toBeNull();
    expect(screen.getByRole("button", { name: "Envoyer" }).hasAttribute("disabled")).toBe(true);
    rerender(<FormActions submitLabel="Envoyer" onSubmit={onSubmit} />);
    await user.click(screen.getByRole("button", { name: "Envoyer" }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });
});
