import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../test/render.tsx";
import { NotFoundPage } from "./not-found-page.tsx";

describe("NotFoundPage", () => {
  it("says the address leads nowhere and offers the way home", () => {
    renderWithProviders(<NotFoundPage />, { route: "/nulle-part" });
    expect(screen.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Revenir à l’accueil" }).getAttribute("href")).toBe("/");
    expect(document.title).toBe("Page introuvable · Passerelle");
  });
});
