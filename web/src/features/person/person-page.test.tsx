import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../lib/dates.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aPerson } from "../admin/test-data.ts";
import { PersonPage } from "./person-page.tsx";

const MARTINE = aPerson({
  managerName: "Paul Girard",
  account: { id: "00000000-0000-4000-8000-00000000a001", status: "active", roles: ["participant", "manager"] },
});
const TAKEN_AT = "2026-02-03T09:30:00.000Z";

describe("PersonPage", () => {
  it("shows HR a person's directory entry and the dates of their self-assessments, never their answers", async () => {
    const api = fakeApi({
      "GET /api/people/:id": () => ({
        person: MARTINE,
        profile: null,
        completeness: { percent: 0, missing: [] },
        selfAssessments: [{ id: "00000000-0000-4000-8000-00000000e001", takenAt: TAKEN_AT }],
      }),
    });
    renderWithProviders(<PersonPage />, { route: `/people/${MARTINE.id}`, path: "/people/:id" });

    expect(await screen.findByRole("heading", { level: 1, name: "Martine Lecœur" })).toBeTruthy();
    expect(api.calls("GET /api/people/:id")[0]?.params.id).toBe(MARTINE.id);
    const directory = screen.getByText("M000001").closest("dl") as HTMLElement;
    expect(within(directory).getByText("Paul Girard")).toBeTruthy();
    expect(within(directory).getByText("Responsable de programme")).toBeTruthy();
    expect(screen.getByText(formatDateTime(TAKEN_AT))).toBeTruthy();
    expect(screen.getByText("Seules les dates sont visibles : les réponses restent personnelles.")).toBeTruthy();
    expect(screen.getByText("Cette personne n’a pas encore rempli son profil.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "← Retour à l’annuaire" }).getAttribute("href")).toBe("/admin/people?tab=directory");
  });

  it("says so when the person does not exist", async () => {
    fakeApi({ "GET /api/people/:id": () => apiError(404, "NOT_FOUND", "Personne introuvable.") });
    renderWithProviders(<PersonPage />, { route: "/people/00000000-0000-4000-8000-000000000000", path: "/people/:id" });
    expect(await screen.findByText("Personne introuvable.")).toBeTruthy();
  });
});
