import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Journal } from "../../../../contracts/session-notes.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aPair } from "../pairs/test-data.ts";
import { LearningJournal } from "./learning-journal.tsx";

const pair = aPair({ state: "active", canStartSessions: true });

describe("LearningJournal", () => {
  it("lists what I wrote after each session, under the session's day in my time zone", async () => {
    const journal: Journal = {
      items: [
        {
          sessionId: "00000000-0000-4000-8000-0000000000b2",
          // 21:00 on 24 March in Paris, my time zone; already the 25th in Kathmandu, the browser's.
          sessionStartsAt: "2026-03-24T20:00:00.000Z",
          journal: "Un déclencheur, puis une action.",
          updatedAt: "2026-03-24T21:00:00.000Z",
        },
      ],
    };
    const api = fakeApi({
      "GET /api/pairs/:id/journal": () => journal,
      "GET /api/pairs/:id/sessions": () => ({ items: [], myTimeZone: "Europe/Paris" }),
      "GET /api/glossary": () => ({ items: [], proposedCount: null }),
    });
    renderWithProviders(<LearningJournal pair={pair} />);
    expect(screen.getByRole("heading", { name: "Mon journal de bord" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Séance du 24 mars 2026" })).toBeTruthy();
    expect(screen.getByText("Un déclencheur, puis une action.")).toBeTruthy();
    expect(api.calls("GET /api/pairs/:id/journal")[0]?.params.id).toBe(pair.id);
  });

  it("says when it is still empty", async () => {
    fakeApi({ "GET /api/pairs/:id/journal": () => ({ items: [] }) });
    renderWithProviders(<LearningJournal pair={pair} />);
    expect(await screen.findByText("Votre journal de bord est vide : écrivez-y après chaque séance.")).toBeTruthy();
  });
});
