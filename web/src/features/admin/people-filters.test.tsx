import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../test/render.tsx";
import { CompletenessFilter, RoleFilter } from "./people-filters.tsx";

describe("the filters of the lists of people", () => {
  it("filters by profile completeness, in words", async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<CompletenessFilter value={null} onChange={onChange} />);
    await user.click(screen.getByRole("combobox", { name: "Profil" }));
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Profil complet",
      "Profil incomplet",
      "Pas de profil",
    ]);
    await user.click(screen.getByRole("option", { name: "Pas de profil" }));
    expect(onChange).toHaveBeenCalledWith("none");
  });

  it("filters by role", async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<RoleFilter value={null} onChange={onChange} />);
    await user.click(screen.getByRole("combobox", { name: "Rôle" }));
    await user.click(screen.getByRole("option", { name: "Administrateur" }));
    expect(onChange).toHaveBeenCalledWith("admin");
  });
});
