import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../test/render.tsx";
import { GuestCard } from "./guest-card.tsx";

describe("GuestCard", () => {
  it("heads the page with its title, above its content", () => {
    renderWithProviders(
      <GuestCard title="Créer votre compte">
        <p>Choisissez un mot de passe.</p>
      </GuestCard>,
    );
    const heading = screen.getByRole("heading", { level: 1, name: "Créer votre compte" });
    expect(
      heading.compareDocumentPosition(screen.getByText("Choisissez un mot de passe.")) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });
});
