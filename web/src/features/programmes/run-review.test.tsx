import { notifications } from "@mantine/notifications";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { RunReview } from "./run-review.tsx";
import { aProgramme, aRunDetail, aRunPair, aRunSummary, BERNARD, INES, SYLVIE, YANIS } from "./test-data.ts";

const RUN = "GET /api/programmes/:id/matching-runs/:runId";
const SWAP = "POST /api/programmes/:id/matching-runs/:runId/swap";
const PAIRS = [aRunPair(YANIS, SYLVIE, 0.62), aRunPair(INES, BERNARD, 0.9)];
const NBSP = "\u00a0";

function renderReview() {
  const onNewRun = vi.fn();
  const rendered = renderWithProviders(
    <RunReview programme={aProgramme()} summary={aRunSummary()} isLatest constraints={[]} onNewRun={onNewRun} />,
  );
  return { ...rendered, onNewRun };
}

async function selectBoth(user: ReturnType<typeof renderReview>["user"]) {
  await user.click(await screen.findByRole("checkbox", { name: "Sélectionner le binôme Sylvie Roux – Yanis Morel pour un échange" }));
  await user.click(screen.getByRole("checkbox", { name: "Sélectionner le binôme Bernard Petit – Inès Haddad pour un échange" }));
  await user.click(screen.getByRole("button", { name: "Échanger les mentors" }));
}

describe("reviewing a run", () => {
  it("asks for the weakest pairs first, and for the strongest first when the score header is pressed", async () => {
    const api = fakeApi({ [RUN]: () => aRunDetail(PAIRS) });
    const { user } = renderReview();

    const table = await screen.findByRole("table", { name: "Binômes du calcul" });
    await within(table).findByText("Sylvie Roux");
    expect(api.calls(RUN)[0]?.query.get("sort")).toBe("score_asc");
    const score = within(table).getByRole("columnheader", { name: /Score/ });
    expect(score.getAttribute("aria-sort")).toBe("ascending");

    await user.click(within(score).getByRole("button"));
    await waitFor(() => expect(api.calls(RUN).at(-1)?.query.get("sort")).toBe("score_desc"));
    expect(within(table).getByRole("columnheader", { name: /Score/ }).getAttribute("aria-sort")).toBe("descending");
  });

  it("warns before a swap that puts pairs under the programme's minimum, naming them, and swaps once the manager confirms", async () => {
    const next = aRunSummary({ id: "00000000-0000-4000-8000-00000000c002", number: 2 });
    const api = fakeApi({
      [RUN]: () => aRunDetail(PAIRS),
      [SWAP]: ({ body }) =>
        (body as { confirmBelowMinimum?: boolean }).confirmBelowMinimum
          ? next
          : apiError(409, "SWAP_BELOW_MIN_SCORE", `Au moins un binôme serait sous le score minimum (30${NBSP}%).`, [
              { path: "menteeA", message: `Sylvie Roux avec Inès Haddad : score 25${NBSP}%, sous le minimum de 30${NBSP}%.` },
              { path: "menteeB", message: `Bernard Petit avec Yanis Morel : score 12,5${NBSP}%, sous le minimum de 30${NBSP}%.` },
            ]),
    });
    const { user, onNewRun } = renderReview();

    await selectBoth(user);
    const dialog = await screen.findByRole("dialog", { name: "Échanger malgré un score sous le minimum ?" });
    // Testing Library reads non-breaking spaces as plain ones.
    expect(within(dialog).getByText("Sylvie Roux avec Inès Haddad : score 25 %, sous le minimum de 30 %.")).toBeTruthy();
    expect(within(dialog).getByText("Bernard Petit avec Yanis Morel : score 12,5 %, sous le minimum de 30 %.")).toBeTruthy();
    expect(api.calls(SWAP).map((call) => call.body)).toEqual([{ menteeA: SYLVIE.id, menteeB: BERNARD.id }]);
    expect(onNewRun).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole("button", { name: "Échanger quand même" }));
    await waitFor(() => expect(onNewRun).toHaveBeenCalledWith(next));
    expect(api.calls(SWAP)[1]?.body).toEqual({ menteeA: SYLVIE.id, menteeB: BERNARD.id, confirmBelowMinimum: true });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("swaps nothing when the manager cancels the warning", async () => {
    const api = fakeApi({
      [RUN]: () => aRunDetail(PAIRS),
      [SWAP]: () =>
        apiError(409, "SWAP_BELOW_MIN_SCORE", "Sous le minimum.", [{ path: "menteeA", message: "Sylvie Roux avec Inès Haddad" }]),
    });
    const { user, onNewRun } = renderReview();

    await selectBoth(user);
    const dialog = await screen.findByRole("dialog", { name: "Échanger malgré un score sous le minimum ?" });
    await user.click(within(dialog).getByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(api.calls(SWAP)).toHaveLength(1);
    expect(onNewRun).not.toHaveBeenCalled();
    // Nothing went wrong: no error is left on the page, and the two pairs stay selected for another try.
    expect(screen.queryByText("Sous le minimum.")).toBeNull();
    expect(screen.getByRole("button", { name: "Échanger les mentors" }).hasAttribute("disabled")).toBe(false);
  });

  it("marks a pair under the programme's minimum score", async () => {
    fakeApi({ [RUN]: () => aRunDetail([aRunPair(INES, SYLVIE, 0.25, { isLocked: true }), aRunPair(YANIS, BERNARD, 0.9)]) });
    renderReview();

    const table = await screen.findByRole("table", { name: "Binômes du calcul" });
    await within(table).findByText("Sylvie Roux");
    const [weak, strong] = within(table).getAllByRole("row").slice(1);
    expect(within(weak as HTMLElement).getByText("Sous le minimum")).toBeTruthy();
    expect(within(strong as HTMLElement).queryByText("Sous le minimum")).toBeNull();
  });

  it("lists before publishing who has no account or has not answered and what each receives, then says how many were invited", async () => {
    const api = fakeApi({
      [RUN]: () => aRunDetail(PAIRS),
      "GET /api/programmes/:id/publish-preview": () => ({
        withoutAccount: 1,
        invitationExpired: 1,
        invitationOpen: 1,
        notAnswered: 1,
        total: 4,
        people: [
          { person: BERNARD, role: "mentee", hasAccount: true, hasAnswered: false, receives: "new_invitation" },
          { person: SYLVIE, role: "mentee", hasAccount: true, hasAnswered: false, receives: "notification" },
          { person: INES, role: "mentor", hasAccount: true, hasAnswered: false, receives: "open_invitation" },
          { person: YANIS, role: "mentor", hasAccount: false, hasAnswered: false, receives: "invitation" },
        ],
      }),
      "POST /api/programmes/:id/matching-runs/:runId/publish": () => ({
        created: 2,
        skipped: 0,
        invitation: { batchId: "00000000-0000-4000-8000-00000000b001", invited: 2 },
      }),
    });
    const { user } = renderWithProviders(
      <RunReview programme={aProgramme({ phase: "matching" })} summary={aRunSummary()} isLatest constraints={[]} onNewRun={vi.fn()} />,
    );

    await user.click(await screen.findByRole("button", { name: /^Publier le calcul n°.1$/ }));
    const dialog = await screen.findByRole("dialog", { name: /^Publier le calcul n°.1.\?$/ });
    expect(
      await within(dialog).findByText("1 personne n’a pas de compte : elle recevra une invitation par courriel pour créer son compte."),
    ).toBeTruthy();
    expect(
      within(dialog).getByText(
        "1 personne n’a pas activé son compte et son invitation a expiré : elle recevra une nouvelle invitation par courriel.",
      ),
    ).toBeTruthy();
    expect(
      within(dialog).getByText(
        "1 personne n’a pas encore activé son compte : son invitation par courriel est encore valable ; elle trouvera la notification en l’activant.",
      ),
    ).toBeTruthy();
    expect(within(dialog).getByText("1 personne n’a pas répondu à son inscription : elle recevra une notification.")).toBeTruthy();
    const list = within(dialog).getByRole("list", { name: "Personnes sans compte ou sans réponse" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "Bernard Petit (Mentoré·e) : une nouvelle invitation par courriel (la précédente a expiré)",
      "Sylvie Roux (Mentoré·e) : une notification",
      "Inès Haddad (Mentor) : rien de nouveau : son invitation par courriel est encore valable",
      "Yanis Morel (Mentor) : une invitation par courriel pour créer son compte",
    ]);

    const shown = vi.spyOn(notifications, "show");
    await user.click(within(dialog).getByRole("button", { name: "Publier" }));
    await waitFor(() => expect(api.calls("POST /api/programmes/:id/matching-runs/:runId/publish")).toHaveLength(1));
    await waitFor(() =>
      expect(shown).toHaveBeenCalledWith(
        expect.objectContaining({
          message: "2 binômes créés. 2 invitations par courriel partent pour des personnes qui n’ont pas encore de compte actif.",
        }),
      ),
    );
  });
});
