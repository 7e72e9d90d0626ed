import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MailMessage, MailMessageSummary } from "../../../../contracts/mail.ts";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { OutboxPage } from "./outbox-page.tsx";

const TABLE = "Courriels";

function aSummary(overrides: Partial<MailMessageSummary> = {}): MailMessageSummary {
  return {
    id: "7d1c3c1e-0000-4000-8000-000000000001",
    category: "invitation",
    template: "invitation",
    to: "camille.nouvelle@verdier.fr",
    locale: "fr",
    subject: "Maison Verdier vous invite sur Passerelle",
    status: "outbox",
    attempts: 1,
    lastResponse: null,
    createdAt: "2026-03-12T13:05:00Z",
    sentAt: null,
    ...overrides,
  };
}

const INVITATION = aSummary();
const FAILED = aSummary({
  id: "7d1c3c1e-0000-4000-8000-000000000002",
  category: "notification",
  template: "notification",
  to: "lea.martin@verdier.fr",
  subject: "Votre binôme est formé",
  status: "failed",
  attempts: 7,
  lastResponse: "550 5.1.1 Mailbox full",
});

function aMessage(summary: MailMessageSummary): MailMessage {
  return {
    ...summary,
    from: "Passerelle <rh@verdier.fr>",
    headers: { "List-Unsubscribe": "<https://passerelle.verdier.fr/api/mail/unsubscribe/abc>" },
    html: "<p>Bonjour Léa,</p>",
    text: "Bonjour Léa,\n\nVotre binôme est formé.\nhttps://passerelle.verdier.fr/pairs",
    calendar: null,
  };
}

function outboxApi(overrides: Record<string, Parameters<typeof fakeApi>[0][string]> = {}) {
  return fakeApi({
    "GET /api/admin/mail/settings": () => ({ mode: "outbox", from: "Passerelle <rh@verdier.fr>" }),
    "GET /api/admin/mail": () => ({ items: [FAILED, INVITATION], nextBefore: null }),
    "GET /api/admin/mail/:id": ({ params }) => aMessage(params.id === FAILED.id ? FAILED : INVITATION),
    "GET /api/admin/jobs/failed": () => ({
      items: [{ id: "j1", queue: "mail-deliver", error: "550 5.1.1 Mailbox full", retryCount: 6, failedAt: "2026-03-12T14:00:00Z" }],
    }),
    ...overrides,
  });
}

describe("OutboxPage", () => {
  it("says emails stay here without an SMTP server, and lists them with their kind, status and date", async () => {
    outboxApi();
    renderWithProviders(<OutboxPage />, { route: "/admin/mail" });

    expect(await screen.findByText(/Aucun serveur SMTP n’est configuré : les courriels restent ici/)).toBeTruthy();
    const table = screen.getByRole("table", { name: TABLE });
    await within(table).findByText("Maison Verdier vous invite sur Passerelle");
    const invitation = within(table).getByText("camille.nouvelle@verdier.fr").closest("tr") as HTMLElement;
    expect(within(invitation).getByText("Invitation")).toBeTruthy();
    expect(within(invitation).getByText("Gardé ici")).toBeTruthy();
    expect(within(invitation).getByText("12/03/2026 18:50")).toBeTruthy(); // Asia/Kathmandu, UTC+5:45
    const failed = within(table).getByText("lea.martin@verdier.fr").closest("tr") as HTMLElement;
    expect(within(failed).getByText("En échec")).toBeTruthy();
    expect(within(failed).getByText("Notification")).toBeTruthy();
  });

  it("says when emails go through an SMTP server", async () => {
    outboxApi({ "GET /api/admin/mail/settings": () => ({ mode: "smtp", from: "Passerelle <rh@verdier.fr>" }) });
    renderWithProviders(<OutboxPage />, { route: "/admin/mail" });
    expect(
      await screen.findByText("Les courriels partent par le serveur SMTP configuré, depuis l’adresse Passerelle <rh@verdier.fr>."),
    ).toBeTruthy();
  });

  it("opens an email: who, headers, the HTML preview in a sandboxed frame and the plain text", async () => {
    outboxApi();
    const { user, location } = renderWithProviders(<OutboxPage />, { route: "/admin/mail" });

    await user.click(await screen.findByRole("button", { name: "Votre binôme est formé" }));
    const drawer = await screen.findByRole("dialog");
    expect(await within(drawer).findByText("Passerelle <rh@verdier.fr>")).toBeTruthy();
    expect(within(drawer).getByText("550 5.1.1 Mailbox full")).toBeTruthy();
    expect(within(drawer).getByText(/List-Unsubscribe: <https:\/\/passerelle\.verdier\.fr/)).toBeTruthy();
    const frame = within(drawer).getByTitle("Aperçu du courriel « Votre binôme est formé »");
    expect(frame.getAttribute("sandbox")).toBe("");
    expect(frame.getAttribute("srcdoc")).toBe("<p>Bonjour Léa,</p>");
    expect(location().search).toContain(`message=${FAILED.id}`);

    await user.click(within(drawer).getByRole("tab", { name: "Texte" }));
    expect(within(drawer).getByText(/Votre binôme est formé\.\s+https:\/\/passerelle\.verdier\.fr\/pairs/)).toBeTruthy();
  });

  it("sends a failed email again, then shows it waiting", async () => {
    let status: MailMessageSummary["status"] = "failed";
    const api = outboxApi({
      "GET /api/admin/mail/:id": () => aMessage({ ...FAILED, status }),
      "POST /api/admin/mail/:id/retry": () => {
        status = "queued";
        return { ...FAILED, status };
      },
    });
    const { user } = renderWithProviders(<OutboxPage />, { route: `/admin/mail?message=${FAILED.id}` });

    const drawer = await screen.findByRole("dialog");
    await user.click(await within(drawer).findByRole("button", { name: "Réessayer" }));
    await waitFor(() => expect(api.calls("POST /api/admin/mail/:id/retry")).toHaveLength(1));
    expect(api.calls("POST /api/admin/mail/:id/retry")[0]?.params.id).toBe(FAILED.id);
    expect(await within(drawer).findByText("En attente")).toBeTruthy();
    expect(within(drawer).queryByRole("button", { name: "Réessayer" })).toBeNull();
  });

  it("shows that a session's email carries a calendar invitation, and its .ics text", async () => {
    const ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:session-1@passerelle\r\nEND:VEVENT\r\nEND:VCALENDAR";
    outboxApi({ "GET /api/admin/mail/:id": () => ({ ...aMessage(INVITATION), calendar: { method: "REQUEST", content: ics } }) });
    const { user } = renderWithProviders(<OutboxPage />, { route: `/admin/mail?message=${INVITATION.id}` });
    const drawer = await screen.findByRole("dialog");
    expect(await within(drawer).findByText("Invitation à la séance (METHOD:REQUEST)")).toBeTruthy();
    await user.click(within(drawer).getByRole("tab", { name: "Invitation (.ics)" }));
    expect(within(drawer).getByText(/UID:session-1@passerelle/)).toBeTruthy();
  });

  it("shows no invitation for an email without one", async () => {
    outboxApi();
    renderWithProviders(<OutboxPage />, { route: `/admin/mail?message=${INVITATION.id}` });
    const drawer = await screen.findByRole("dialog");
    await within(drawer).findByText("camille.nouvelle@verdier.fr");
    expect(within(drawer).queryByText("Invitation d’agenda")).toBeNull();
    expect(within(drawer).queryByRole("tab", { name: "Invitation (.ics)" })).toBeNull();
  });

  it("offers no retry for an email that did not fail", async () => {
    outboxApi();
    renderWithProviders(<OutboxPage />, { route: `/admin/mail?message=${INVITATION.id}` });
    const drawer = await screen.findByRole("dialog");
    await within(drawer).findByText("camille.nouvelle@verdier.fr");
    expect(within(drawer).queryByRole("button", { name: "Réessayer" })).toBeNull();
  });

  it("filters by status and by recipient through the API's query", async () => {
    const api = outboxApi();
    const { user, location } = renderWithProviders(<OutboxPage />, { route: "/admin/mail" });
    await screen.findByText("Maison Verdier vous invite sur Passerelle");

    await user.click(screen.getByRole("combobox", { name: "État" }));
    await user.click(await screen.findByRole("option", { name: "En échec" }));
    await waitFor(() => expect(api.calls("GET /api/admin/mail").at(-1)?.query.get("status")).toBe("failed"));

    await user.type(screen.getByRole("searchbox", { name: "Destinataire" }), " Lea.Martin@Verdier.fr ");
    await waitFor(() => expect(api.calls("GET /api/admin/mail").at(-1)?.query.get("to")).toBe("lea.martin@verdier.fr"));
    expect(api.calls("GET /api/admin/mail").at(-1)?.query.get("status")).toBe("failed");
    expect(location().search).toContain("to=lea.martin%40verdier.fr");
  });

  it("pages to older emails with the cursor the API gave, and back", async () => {
    const api = outboxApi({
      "GET /api/admin/mail": ({ query }) =>
        query.get("before") === "41" ? { items: [INVITATION], nextBefore: null } : { items: [FAILED], nextBefore: 41 },
    });
    const { user } = renderWithProviders(<OutboxPage />, { route: "/admin/mail" });
    await screen.findByText("Votre binôme est formé");

    await user.click(screen.getByRole("button", { name: "Plus anciens" }));
    expect(await screen.findByText("Maison Verdier vous invite sur Passerelle")).toBeTruthy();
    expect(api.calls("GET /api/admin/mail").at(-1)?.query.get("before")).toBe("41");
    expect((screen.getByRole("button", { name: "Plus anciens" }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Plus récents" }));
    expect(await screen.findByText("Votre binôme est formé")).toBeTruthy();
  });

  it("lists the failed jobs in their own tab", async () => {
    outboxApi();
    const { user } = renderWithProviders(<OutboxPage />, { route: "/admin/mail" });
    await user.click(await screen.findByRole("tab", { name: "Tâches en échec" }));
    const table = await screen.findByRole("table", { name: "Tâches en échec" });
    expect(await within(table).findByText("Envoi d’un courriel")).toBeTruthy();
    expect(within(table).getByText("550 5.1.1 Mailbox full")).toBeTruthy();
  });

  it("shows the API's refusal", async () => {
    outboxApi({ "GET /api/admin/mail": () => apiError(403, "FORBIDDEN", "Vous n’avez pas accès à cette action.") });
    renderWithProviders(<OutboxPage />, { route: "/admin/mail" });
    expect(await screen.findByText("Vous n’avez pas accès à cette action.")).toBeTruthy();
  });
});
