import { describe, expect, it } from "vitest";
import { finishedCounts, invitationMail, inviterName, presentInvitation, reminderRoundDue } from "./invitations.domain.ts";

const SENT = new Date("2026-03-02T09:00:00Z");
const daysLater = (days: number, minutes = 0) => new Date(SENT.getTime() + days * 86_400_000 + minutes * 60_000);

describe("invitation reminders", () => {
  it("are due after 3 days (round 1) and after 6 (round 2), each once", () => {
    expect(reminderRoundDue(SENT, daysLater(3, -1), 0)).toBeNull();
    expect(reminderRoundDue(SENT, daysLater(3), 0)).toBe(1);
    expect(reminderRoundDue(SENT, daysLater(5), 1)).toBeNull();
    expect(reminderRoundDue(SENT, daysLater(6, -1), 1)).toBeNull();
    expect(reminderRoundDue(SENT, daysLater(6), 1)).toBe(2);
    expect(reminderRoundDue(SENT, daysLater(6, 30), 2)).toBeNull();
  });

  it("send only the second when the first was missed: one email, not two at once", () => {
    expect(reminderRoundDue(SENT, daysLater(6), 0)).toBe(2);
    expect(reminderRoundDue(SENT, daysLater(6, 60), 2)).toBeNull();
  });
});

describe("an invitation's email", () => {
  const user = { id: "u-1", email: "lea@exemple.fr", displayName: "Léa Roux", locale: "en" as const };

  it("names who invites, to which programme, until when, with the link's path, in the account's language", () => {
    expect(
      invitationMail({ round: 0, user, token: "tok", expiresAt: daysLater(7), inviter: "Sophie Martin", programmeName: "Pilote" }),
    ).toEqual({
      category: "invitation",
      template: "invitation",
      params: {
        inviter: "Sophie Martin",
        programmeName: "Pilote",
        path: "/invitation/tok",
        expiresAt: "2026-03-09T09:00:00.000Z",
        name: "Léa Roux",
      },
      toAddress: "lea@exemple.fr",
      toUserId: "u-1",
      locale: "en",
    });
    const reminder = invitationMail({ round: 2, user, token: "t2", expiresAt: daysLater(7), inviter: "Sophie Martin" });
    expect(reminder.template).toBe("invitation_reminder");
    expect(reminder.params).not.toHaveProperty("programmeName");
  });

  it("falls back to Passerelle as the inviter when their account is gone", () => {
    expect(inviterName(null)).toBe("Passerelle");
    expect(inviterName(" ")).toBe("Passerelle");
    expect(inviterName("Sophie Martin")).toBe("Sophie Martin");
  });
});

describe("what the manager is answered", () => {
  const issued = { id: "i-1", email: "lea@exemple.fr", token: "tok", expiresAt: daysLater(7) };

  it("never carries the link when the email goes out by SMTP", () => {
    expect(presentInvitation(issued, { publicUrl: "https://p.test", isEmailed: true })).toEqual({
      id: "i-1",
      email: "lea@exemple.fr",
      link: null,
      isEmailed: true,
      expiresAt: "2026-03-09T09:00:00.000Z",
    });
  });

  it("carries it when the email stays in the outbox, for the manager to hand over", () => {
    expect(presentInvitation(issued, { publicUrl: "https://p.test", isEmailed: false }).link).toBe("https://p.test/invitation/tok");
  });
});

describe("the end of a bulk invitation", () => {
  it("counts as skipped those of the total not invited, and raises the total when more were invited", () => {
    expect(finishedCounts({ total: 10, done: 10 })).toEqual({ total: 10, skipped: 0 });
    expect(finishedCounts({ total: 10, done: 7 })).toEqual({ total: 10, skipped: 3 });
    expect(finishedCounts({ total: 10, done: 12 })).toEqual({ total: 12, skipped: 0 });
  });
});
