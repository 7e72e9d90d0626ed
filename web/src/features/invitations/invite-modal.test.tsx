import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Me } from "../../../../contracts/accounts.ts";
import { CurrentUserContext } from "../../lib/current-user.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aUser } from "../admin/test-data.ts";
import { InviteModal } from "./invite-modal.tsx";

const LINK = "http://localhost/invitation/abcdefghijklmnopqrstuvwxyz0123456789ABCDEF";

function renderModal(me: Me, person?: { displayName: string; email: string }) {
  return renderWithProviders(
    <CurrentUserContext value={me}>
      <InviteModal opened onClose={() => {}} person={person} />
    </CurrentUserContext>,
  );
}

describe("InviteModal", () => {
  it("lets an admin choose the roles, then shows the one-time link", async () => {
    const api = fakeApi({
      "POST /api/admin/invitations": ({ body }) => ({
        id: "00000000-0000-4000-8000-00000000f001",
        email: (body as { email: string }).email,
        link: LINK,
        isEmailed: false,
        expiresAt: "2026-03-19T10:00:00.000Z",
      }),
    });
    const { user } = renderModal(aUser({ roles: ["admin"] }));

    const dialog = screen.getByRole("dialog", { name: "Inviter une personne" });
    await user.click(within(dialog).getByRole("textbox", { name: "Nom" }));
    await user.paste("Camille Nouvelle");
    await user.click(within(dialog).getByRole("textbox", { name: "Adresse e-mail" }));
    await user.paste("camille.nouvelle@exemple.fr");
    await user.click(within(dialog).getByRole("checkbox", { name: /Responsable de programme/ }));
    await user.click(within(dialog).getByRole("button", { name: "Inviter" }));

    const link = await screen.findByRole("textbox", { name: "Lien d’invitation" });
    expect((link as HTMLInputElement).value).toBe(LINK);
    expect(api.calls("POST /api/admin/invitations")[0]?.body).toEqual({
      displayName: "Camille Nouvelle",
      email: "camille.nouvelle@exemple.fr",
      roles: ["participant", "manager"],
      locale: "fr",
    });
    expect(screen.getByRole("dialog", { name: "Invitation créée" })).toBeTruthy();
  });

  it("says the invitation went by email, and shows no link, when the server emails it", async () => {
    fakeApi({
      "POST /api/admin/invitations": ({ body }) => ({
        id: "00000000-0000-4000-8000-00000000f002",
        email: (body as { email: string }).email,
        link: null,
        isEmailed: true,
        expiresAt: "2026-03-19T10:00:00.000Z",
      }),
    });
    const { user } = renderModal(aUser({ roles: ["manager"] }), { displayName: "Hugo Petit", email: "hugo.petit@exemple.fr" });

    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Inviter" }));
    const sent = await screen.findByRole("dialog", { name: "Invitation envoyée" });
    expect(within(sent).getByText("Invitation envoyée par courriel à hugo.petit@exemple.fr.")).toBeTruthy();
    expect(within(sent).getByText(/valable 7 jours, jusqu’au 19 mars 2026/)).toBeTruthy();
    expect(within(sent).queryByRole("textbox")).toBeNull();
    expect(within(sent).queryByRole("button", { name: "Copier le lien" })).toBeNull();
  });

  it("tells a manager the person will be a participant, and sends nothing with a missing name", async () => {
    const api = fakeApi({});
    const { user } = renderModal(aUser({ roles: ["manager"] }), { displayName: "", email: "hugo.petit@exemple.fr" });

    const dialog = screen.getByRole("dialog", { name: "Inviter une personne" });
    expect(within(dialog).queryByRole("checkbox")).toBeNull();
    expect(within(dialog).getByText(/Cette personne recevra le rôle « Participant »/)).toBeTruthy();
    expect((within(dialog).getByRole("textbox", { name: "Nom" }) as HTMLInputElement).maxLength).toBe(120);

    await user.click(within(dialog).getByRole("button", { name: "Inviter" }));
    await waitFor(() => expect(within(dialog).getByRole("textbox", { name: "Nom" }).getAttribute("aria-invalid")).toBe("true"));
    expect(api.requests).toHaveLength(0);
  });
});
