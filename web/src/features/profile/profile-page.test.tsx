import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Profile } from "../../../../contracts/profiles.ts";
import type { ParticipantRole } from "../../../../contracts/programmes.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { ProfilePage } from "./profile-page.tsx";

function profileOf(roles: ParticipantRole[], overrides: Partial<Profile> = {}): Profile {
  return {
    teach: [],
    learn: [],
    offer: [],
    interests: [],
    availability: ["tue:lunch"],
    format: "online",
    languages: ["fr"],
    mentorCapacity: 1,
    hopes: "Progresser ensemble.",
    updatedAt: "2026-03-01T09:00:00.000Z",
    roles,
    completeness: { percent: 100, missing: [] },
    ...overrides,
  };
}

function renderPage(profile: Profile, route = "/profile") {
  const api = fakeApi({
    "GET /api/me/profile": () => profile,
    "PUT /api/me/profile": ({ body }) => ({ ...profile, ...(body as object) }),
    "GET /api/skills": () => ({ categories: [], skills: [] }),
  });
  return { api, ...renderWithProviders(<ProfilePage />, { route, path: "/profile" }) };
}

/** The wizard's steps, by the accessible names of the stepper's buttons. */
async function stepNames(): Promise<string[]> {
  await screen.findByRole("heading", { level: 2 });
  return screen
    .getAllByRole("button")
    .filter((button) => button.classList.contains("mantine-Stepper-step"))
    .map((button) => button.getAttribute("aria-label") ?? "");
}

describe("the profile wizard", () => {
  it("asks a mentor what they teach and want to learn in return, never what they offer in return", async () => {
    renderPage(profileOf(["mentor"]));
    expect(await stepNames()).toEqual([
      "Ce que je peux transmettre",
      "Ce que je veux apprendre en retour",
      "Infos pratiques",
      "Récapitulatif",
    ]);
    expect(screen.queryByText("Ce que j’apporte en retour")).toBeNull();
  });

  it("asks a mentee what they want to learn and offer in return, and neither what they teach nor how many they can mentor", async () => {
    const { user } = renderPage(profileOf(["mentee"]));
    expect(await stepNames()).toEqual(["Ce que je veux apprendre", "Ce que j’apporte en retour", "Infos pratiques", "Récapitulatif"]);
    await user.click(screen.getByRole("button", { name: "Infos pratiques" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Infos pratiques" })).toBeTruthy();
    expect(screen.queryByLabelText(/Nombre de personnes que je peux accompagner/)).toBeNull();
  });

  it("asks someone in no programme yet all three lists, and how many they could mentor", async () => {
    renderPage(profileOf([]), "/profile?step=practical");
    expect(await stepNames()).toEqual([
      "Ce que je peux transmettre",
      "Ce que je veux apprendre",
      "Ce que j’apporte en retour",
      "Infos pratiques",
      "Récapitulatif",
    ]);
    expect(screen.getByLabelText(/Nombre de personnes que je peux accompagner/)).toBeTruthy();
  });

  it("links a missing item to its step, which the address then shows", async () => {
    const { user, location } = renderPage(
      profileOf(["mentee"], { learn: [{ skillId: "dataviz", priority: 1 }], completeness: { percent: 86, missing: ["offer"] } }),
    );
    const link = await screen.findByRole("link", { name: "les compétences à apporter en retour" });
    expect(link.getAttribute("href")).toBe("/profile?step=offer");
    await user.click(link);
    expect(await screen.findByRole("heading", { level: 2, name: "Ce que j’apporte en retour" })).toBeTruthy();
    expect(location().search).toBe("?step=offer");
  });

  it("saves from the summary the answers of the mentor's steps", async () => {
    const profile = profileOf(["mentor"], { teach: [{ skillId: "prompting", level: 4 }], learn: [{ skillId: "strategy", priority: 1 }] });
    const { api, user } = renderPage(profile, "/profile?step=summary");
    const summary = await screen.findByRole("heading", { level: 2, name: "Récapitulatif" });
    expect(summary).toBeTruthy();
    // The summary shows the mentor's lists under their own headings, not the mentee's offer in return.
    expect(screen.getByRole("heading", { level: 3, name: "Ce que je veux apprendre en retour" })).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 3, name: "Ce que j’apporte en retour" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Enregistrer mon profil" }));
    await waitFor(() => expect(api.calls("PUT /api/me/profile")).toHaveLength(1));
    expect(api.calls("PUT /api/me/profile")[0]?.body).toMatchObject({
      teach: [{ skillId: "prompting", level: 4 }],
      learn: [{ skillId: "strategy", priority: 1 }],
      hopes: "Progresser ensemble.",
    });
    expect(api.calls("PUT /api/me/profile")[0]?.body).not.toHaveProperty("roles");
  });
});
