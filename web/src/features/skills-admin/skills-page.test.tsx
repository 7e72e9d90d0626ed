import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aCatalogue, aSkill } from "../skills/test-data.ts";
import { SkillsPage } from "./skills-page.tsx";

const TABLE = "Compétences du catalogue";

function skillNames(): string[] {
  return within(screen.getByRole("table", { name: TABLE }))
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[0]?.firstChild?.textContent ?? "");
}

async function shown() {
  await screen.findByText("Tableur");
  return skillNames();
}

describe("SkillsPage", () => {
  it("lists the skills in the catalogue's order, with their category and origin", async () => {
    fakeApi({ "GET /api/skills": () => aCatalogue() });
    renderWithProviders(<SkillsPage />);

    expect(await shown()).toEqual(["Présentations", "Tableur", "Lotus 1-2-3", "Power BI", "Donner du feedback"]);
    const feedback = screen.getByText("Donner du feedback").closest("tr") as HTMLElement;
    expect(within(feedback).getByText("Leadership")).toBeTruthy();
    expect(within(feedback).getByText("Organisation")).toBeTruthy();
    expect(within(feedback).getByText("retour constructif")).toBeTruthy();
    const lotus = screen.getAllByText("Lotus 1-2-3")[0]?.closest("tr") as HTMLElement;
    expect(within(lotus).getByText("Archivée")).toBeTruthy();
  });

  it("finds a skill by one of its synonyms, and filters by family and archived state from the address", async () => {
    fakeApi({ "GET /api/skills": () => aCatalogue() });
    const { user } = renderWithProviders(<SkillsPage />, { route: "/admin/skills?family=digital&archived=hide" });

    expect(await shown()).toEqual(["Présentations", "Tableur", "Power BI"]);
    await user.type(screen.getByRole("searchbox", { name: "Rechercher" }), "EXCEL");
    await waitFor(() => expect(skillNames()).toEqual(["Tableur"]));
  });

  it("sorts by skill when its header is pressed", async () => {
    fakeApi({ "GET /api/skills": () => aCatalogue() });
    const { user, location } = renderWithProviders(<SkillsPage />, { route: "/admin/skills" });
    await shown();

    await user.click(screen.getByRole("button", { name: "Compétence" }));
    expect(skillNames()).toEqual(["Donner du feedback", "Lotus 1-2-3", "Power BI", "Présentations", "Tableur"]);
    await user.click(screen.getByRole("button", { name: "Compétence" }));
    expect(skillNames()[0]).toBe("Tableur");
    expect(location().search).toContain("sort=skill");
  });

  it("says when nothing matches and offers to add the skill", async () => {
    fakeApi({ "GET /api/skills": () => aCatalogue() });
    const { user } = renderWithProviders(<SkillsPage />);
    await shown();

    await user.type(screen.getByRole("searchbox", { name: "Rechercher" }), "tricot");
    expect(await screen.findByText("Aucune compétence ne correspond à cette recherche.")).toBeTruthy();
    const table = screen.getByRole("table", { name: TABLE });
    await user.click(within(table).getByRole("button", { name: "Ajouter une compétence" }));
    expect(await screen.findByRole("dialog", { name: "Nouvelle compétence de l’organisation" })).toBeTruthy();
  });

  it("offers to archive an organisation skill the API refuses to delete because it is in use", async () => {
    const feedback = aCatalogue().skills.find((skill) => skill.id === "feedback");
    const api = fakeApi({
      "GET /api/skills": () => aCatalogue(),
      "DELETE /api/admin/skills/:id": () => apiError(409, "SKILL_IN_USE", "Cette compétence figure dans des profils : archivez-la."),
      "PATCH /api/admin/skills/:id": ({ body }) => ({ ...aSkill(feedback), ...(body as object) }),
    });
    const { user } = renderWithProviders(<SkillsPage />);
    await shown();

    await user.click(screen.getByRole("button", { name: "Actions pour Donner du feedback" }));
    await user.click(await screen.findByRole("menuitem", { name: "Supprimer" }));
    const dialog = await screen.findByRole("dialog", { name: "Supprimer « Donner du feedback » ?" });
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    expect(await within(dialog).findByText("Cette compétence figure dans des profils : archivez-la.")).toBeTruthy();

    await user.click(within(dialog).getByRole("button", { name: "Archiver plutôt" }));
    await waitFor(() => expect(api.calls("PATCH /api/admin/skills/:id")).toHaveLength(1));
    expect(api.calls("PATCH /api/admin/skills/:id")[0]).toMatchObject({ params: { id: "feedback" }, body: { isArchived: true } });
  });
});
