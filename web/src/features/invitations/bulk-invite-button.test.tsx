import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { InvitationBatch } from "../../../../contracts/invitations.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { BulkInviteButton } from "./bulk-invite-button.tsx";

const BATCH_ID = "00000000-0000-4000-8000-00000000b001";
const PROGRAMME_ID = "00000000-0000-4000-8000-00000000a001";
const batch = (values: Partial<InvitationBatch>): InvitationBatch => ({
  id: BATCH_ID,
  status: "running",
  total: 3,
  done: 0,
  skipped: 0,
  createdAt: "2026-03-12T09:00:00.000Z",
  finishedAt: null,
  ...values,
});

describe("BulkInviteButton", () => {
  it("confirms with the preview's counts, sends, then follows the progress until done", async () => {
    let reads = 0;
    const api = fakeApi({
      "POST /api/invitation-batches/preview": () => ({ toInvite: 3, withAccount: 1 }),
      "POST /api/invitation-batches": () => batch({ status: "queued" }),
      "GET /api/invitation-batches/:id": () =>
        ++reads === 1 ? batch({ done: 1 }) : batch({ status: "done", done: 3, finishedAt: "2026-03-12T09:00:05.000Z" }),
    });
    const onFinished = vi.fn();
    const source = { kind: "directory" as const, filters: { department: "Finance" } };
    const { user } = renderWithProviders(<BulkInviteButton source={source} onFinished={onFinished} />);

    await user.click(await screen.findByRole("button", { name: "Inviter les 3 personnes affichées sans compte" }));
    const dialog = await screen.findByRole("dialog", { name: "Inviter par courriel" });
    expect(within(dialog).getByText(/3 personnes recevront une invitation par courriel pour créer leur compte/)).toBeTruthy();
    expect(within(dialog).getByText("1 personne a déjà un compte : elle n’est pas concernée.")).toBeTruthy();
    expect(api.calls("POST /api/invitation-batches/preview")[0]?.body).toEqual({ source });

    await user.click(within(dialog).getByRole("button", { name: "Envoyer les invitations" }));
    await waitFor(() => expect(api.calls("POST /api/invitation-batches")).toHaveLength(1));
    expect(api.calls("POST /api/invitation-batches")[0]?.body).toEqual({ source, role: "participant" });
    const bar = await within(dialog).findByRole("progressbar", { name: "Invitations envoyées" });
    expect(bar.getAttribute("aria-valuetext")).toBe("1 sur 3");

    // Read again a second later, until done.
    expect(await within(dialog).findByText("3 invitations envoyées.", {}, { timeout: 10_000 })).toBeTruthy();
    expect(api.calls("GET /api/invitation-batches/:id").every((c) => c.params.id === BATCH_ID)).toBe(true);
    await waitFor(() => expect(onFinished).toHaveBeenCalledTimes(1));
  });

  it("names a programme's enrolled people, and shows nothing when nobody would be invited", async () => {
    fakeApi({
      "POST /api/invitation-batches/preview": ({ body }) =>
        (body as { source: { kind: string } }).source.kind === "programme"
          ? { toInvite: 1, withAccount: 4 }
          : { toInvite: 0, withAccount: 2 },
    });
    renderWithProviders(
      <>
        <BulkInviteButton source={{ kind: "programme", programmeId: PROGRAMME_ID }} />
        <BulkInviteButton source={{ kind: "directory", filters: {} }} />
      </>,
    );
    expect(await screen.findByRole("button", { name: "Inviter la personne inscrite sans compte" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /affichée/ })).toBeNull();
  });
});
