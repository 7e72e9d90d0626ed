import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../test/render.tsx";
import { PersonCell } from "./person-cell.tsx";

describe("PersonCell", () => {
  it("shows the name over its detail line", () => {
    renderWithProviders(<PersonCell name="Léa Martin" detail="Finance" />);
    const name = screen.getByText("Léa Martin");
    expect(name.compareDocumentPosition(screen.getByText("Finance")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("leaves out an empty detail line, and shows the initials with an avatar", () => {
    const { container } = renderWithProviders(<PersonCell name="Léa Martin" detail={null} withAvatar />);
    expect(container.querySelectorAll("p")).toHaveLength(1);
    expect(screen.getByText("LM")).toBeTruthy();
  });
});
