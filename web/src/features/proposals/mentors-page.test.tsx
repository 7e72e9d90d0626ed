import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MentorOption } from "../../../../contracts/pairs.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { MentorsPage } from "./mentors-page.tsx";
import { INES, PROGRAMME } from "./test-data.ts";

function aMentor(overrides: Partial<MentorOption> = {}): MentorOption {
  return {
    mentor: { ...INES, jobTitle: "Data analyst" },
    fit: "strong",
    reasons: [{ component: "skills", fr: "Votre mentor enseigne Power BI.", en: "Your mentor teaches Power BI." }],
    teaches: [],
    format: "online",
    languages: ["fr"],
    availability: [],
    placesLeft: 2,
    hasMyOpenProposal: false,
    ...overrides,
  };
}

function serveMentors(routes: Parameters<typeof fakeApi>[0] = {}, myOpenProposals = 0) {
  return fakeApi({
    "GET /api/programmes/:id": () => ({ ...PROGRAMME, proposalExpiryDays: 7 }),
    "GET /api/skills": () => ({ skills: [], categories: [] }),
    "GET /api/programmes/:id/mentors": () => ({ items: [aMentor()], total: 1, page: 1, pageSize: 10, myOpenProposals }),
    ...routes,
  });
}

function renderMentors(route = `/programmes/${PROGRAMME.id}/mentors`) {
  return renderWithProviders(<MentorsPage />, { route, path: "/programmes/:id/mentors" });
}

describe("MentorsPage", () => {
  it("shows each mentor's fit as a word and why, never a figure", async () => {
    serveMentors();
    renderMentors();
    const card = await screen.findByRole("article", { name: "Inès Haddad" });
    expect(within(card).getByText("Très complémentaires")).toBeTruthy();
    expect(within(card).getByText("Votre mentor enseigne Power BI.")).toBeTruthy();
    expect(card.textContent).not.toMatch(/\d+ ?%|0[.,]\d/);
  });

  it("keeps the filters in the address and sends them to the API", async () => {
    const api = serveMentors();
    const { user, location } = renderMentors(`/programmes/${PROGRAMME.id}/mentors?format=online`);
    await screen.findByRole("article", { name: "Inès Haddad" });
    expect(api.calls("GET /api/programmes/:id/mentors")[0]?.query.get("format")).toBe("online");

    await user.type(screen.getByRole("searchbox", { name: "Nom" }), "Inès");
    await waitFor(() => expect(new URLSearchParams(location().search).get("q")).toBe("Inès"));
    await waitFor(() => expect(api.calls("GET /api/programmes/:id/mentors").at(-1)?.query.get("q")).toBe("Inès"));
    expect(new URLSearchParams(location().search).get("format")).toBe("online");
  });

  it("sends a proposal with the mentee's goals and offer", async () => {
    const api = serveMentors({ "POST /api/programmes/:id/proposals": ({ body }) => ({ id: "p1", ...(body as object) }) });
    const { user } = renderMentors();
    await user.click(await screen.findByRole("button", { name: "Proposer à Inès Haddad de devenir mon mentor" }));
    const dialog = screen.getByRole("dialog", { name: "Proposer à Inès Haddad de devenir votre mentor" });
    expect(within(dialog).getByText(/Inès a 7 jours pour répondre/)).toBeTruthy();

    await user.click(within(dialog).getByRole("button", { name: "Envoyer la proposition" }));
    expect(api.calls("POST /api/programmes/:id/proposals")).toHaveLength(0);

    await user.type(within(dialog).getByRole("textbox", { name: /Ce que j’aimerais apprendre/ }), "Power BI");
    await user.type(within(dialog).getByRole("textbox", { name: /Ce que je propose en retour/ }), "Mon réseau");
    await user.click(within(dialog).getByRole("button", { name: "Envoyer la proposition" }));
    await waitFor(() =>
      expect(api.calls("POST /api/programmes/:id/proposals")[0]?.body).toEqual({
        mentorId: INES.id,
        goals: "Power BI",
        offer: "Mon réseau",
      }),
    );
  });

  it("stops new proposals at three waiting, and sends a mentee without a profile to complete it", async () => {
    serveMentors({}, 3);
    const first = renderMentors();
    expect(await screen.findByText("3 / 3 propositions en attente")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Proposer à Inès Haddad de devenir mon mentor" }) as HTMLButtonElement).disabled).toBe(true);
    first.unmount();

    serveMentors({ "GET /api/programmes/:id/mentors": () => apiError(409, "PROFILE_NEEDED", "Complétez votre profil.") });
    renderMentors();
    expect(await screen.findByText("Complétez d’abord votre profil")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Compléter mon profil" }).getAttribute("href")).toBe("/profile");
  });
});
