import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Notification } from "../../../../contracts/notifications.ts";
import i18n from "../../i18n/index.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { pairKeys } from "../pairs/index.ts";
import { proposalKeys } from "../proposals/index.ts";
import { NotificationBell, notificationText } from "./notification-bell.tsx";
import { notificationKeys } from "./queries.ts";

const t = i18n.t.bind(i18n);

function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    kind: "match_published",
    params: { programmeName: "Pilote 2026", partnerName: "Inès Haddad" },
    link: "/pairs/00000000-0000-4000-8000-0000000000aa",
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    readAt: null,
    ...overrides,
  };
}

describe("notificationText", () => {
  it("names the reason a pair ended, in the reader's words", () => {
    expect(notificationText({ kind: "pair_ended", params: { reason: "no_time" } }, t)).toBe(
      "Votre binôme a été arrêté, motif : manque de temps.",
    );
    const closed = notificationText({ kind: "pair_ended", params: { reason: "programme_closed", programmeName: "Pilote 2026" } }, t);
    // French puts a no-break space inside « ».
    expect(closed.replaceAll("\u00a0", " ")).toBe("Le programme « Pilote 2026 » est clôturé : votre binôme s’arrête.");
  });

  it("has a sentence for a kind this version does not know", () => {
    expect(notificationText({ kind: "something_new" as Notification["kind"], params: {} }, t)).toBe("Vous avez une nouvelle notification.");
  });
});

describe("NotificationBell", () => {
  it("shows the unread count; opening a notification marks it read and follows its link", async () => {
    const unread = notification();
    const read = notification({
      id: "00000000-0000-4000-8000-000000000002",
      kind: "pair_completed",
      params: { programmeName: "Déploiement 2027" },
      link: null,
      readAt: new Date().toISOString(),
    });
    const api = fakeApi({
      "GET /api/me/notifications": () => ({ unread: 1, items: [unread, read] }),
      "POST /api/me/notifications/read": () => ({ unread: 0, items: [{ ...unread, readAt: new Date().toISOString() }, read] }),
    });
    const { user, location } = renderWithProviders(<NotificationBell />);

    const bell = await screen.findByRole("button", { name: "Notifications, 1 non lue" });
    await user.click(bell);
    expect(screen.getByText("Votre binôme est terminé. Bravo !")).toBeTruthy();
    expect(screen.getByText("Pilote 2026 · il y a 5 minutes")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: /Votre binôme avec Inès Haddad est publié/ }));
    await waitFor(() => expect(api.calls("POST /api/me/notifications/read")).toHaveLength(1));
    expect(api.calls("POST /api/me/notifications/read")[0]?.body).toEqual({ ids: [unread.id] });
    expect(location().pathname).toBe("/pairs/00000000-0000-4000-8000-0000000000aa");
    expect(await screen.findByRole("button", { name: "Notifications, aucune non lue" })).toBeTruthy();
  });

  it("marks them all read at once", async () => {
    const api = fakeApi({
      "GET /api/me/notifications": () => ({ unread: 1, items: [notification()] }),
      "POST /api/me/notifications/read": () => ({ unread: 0, items: [notification({ readAt: new Date().toISOString() })] }),
    });
    const { user } = renderWithProviders(<NotificationBell />);
    await user.click(await screen.findByRole("button", { name: "Notifications, 1 non lue" }));
    await user.click(screen.getByRole("button", { name: "Tout marquer comme lu" }));
    await waitFor(() => expect(api.calls("POST /api/me/notifications/read")[0]?.body).toEqual({}));
  });

  it("refreshes the pairs and proposals on screen when a new notification arrives", async () => {
    let items = [notification()];
    fakeApi({ "GET /api/me/notifications": () => ({ unread: items.length, items }) });
    const { queryClient } = renderWithProviders(<NotificationBell />);
    await screen.findByRole("button", { name: "Notifications, 1 non lue" });
    queryClient.setQueryData(pairKeys.mine(), { items: [] });
    queryClient.setQueryData(proposalKeys.mine(), { items: [] });

    items = [notification({ id: "00000000-0000-4000-8000-000000000003", kind: "pair_active" }), ...items];
    await queryClient.refetchQueries({ queryKey: notificationKeys.all });
    await waitFor(() => {
      expect(queryClient.getQueryState(pairKeys.mine())?.isInvalidated).toBe(true);
      expect(queryClient.getQueryState(proposalKeys.mine())?.isInvalidated).toBe(true);
    });
  });
});
