import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from "../../../contracts/notifications.ts";
import {
  checkPreferenceUpdate,
  DIGEST_MAX_ITEMS,
  digestMail,
  kindsConcerning,
  listedInDigest,
  MANAGERS_NOTIFICATION_KINDS,
  PARTICIPANT_NOTIFICATION_KINDS,
  type PendingNotification,
  unsubscribeChanges,
  unsubscribeTarget,
  withDefaults,
} from "./notifications.domain.ts";

const detailsOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code: string; details: { path: string; messageKey: string }[] }).details;
  }
};

describe("which kinds concern whom", () => {
  it("splits every kind into the participants' and the managers' (managers_*)", () => {
    expect([...PARTICIPANT_NOTIFICATION_KINDS, ...MANAGERS_NOTIFICATION_KINDS].sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(MANAGERS_NOTIFICATION_KINDS).toContain("managers_pair_formed");
    expect(PARTICIPANT_NOTIFICATION_KINDS).toContain("proposal_accepted");
  });

  it("gives a participant's kinds to a directory entry or the participant role, the managers' to the manager role", () => {
    expect(kindsConcerning({ roles: ["participant"], personId: "p1" })).toEqual(PARTICIPANT_NOTIFICATION_KINDS);
    expect(kindsConcerning({ roles: ["participant"], personId: null })).toEqual(PARTICIPANT_NOTIFICATION_KINDS);
    expect(kindsConcerning({ roles: ["manager"], personId: null })).toEqual(MANAGERS_NOTIFICATION_KINDS);
    expect(kindsConcerning({ roles: ["manager", "participant"], personId: "p1" })).toEqual(NOTIFICATION_KINDS);
    // notifyManagers tells accounts with the manager role: an administrator alone receives nothing to choose about.
    expect(kindsConcerning({ roles: ["admin"], personId: null })).toEqual([]);
  });

  it("fills the kinds without a choice with the default, email", () => {
    const chosen = new Map<NotificationKind, NotificationChannel>([["proposal_received", "digest"]]);
    expect(withDefaults(["proposal_received", "proposal_accepted"], chosen)).toEqual([
      { kind: "proposal_received", channel: "digest" },
      { kind: "proposal_accepted", channel: "email" },
    ]);
  });
});

describe("an update of my preferences", () => {
  it("names each item of a kind that does not concern me, or given twice", () => {
    const allowed = PARTICIPANT_NOTIFICATION_KINDS;
    expect(detailsOf(() => checkPreferenceUpdate([{ kind: "proposal_received", channel: "app" }], allowed))).toBeNull();
    expect(
      detailsOf(() =>
        checkPreferenceUpdate(
          [
            { kind: "proposal_received", channel: "app" },
            { kind: "managers_pair_formed", channel: "app" },
            { kind: "proposal_received", channel: "email" },
          ],
          allowed,
        ),
      ),
    ).toEqual([
      { path: "items.1.kind", messageKey: "fields.notificationKindNotYours" },
      { path: "items.2.kind", messageKey: "fields.duplicateNotificationKind" },
    ]);
  });
});

describe("one-click unsubscribe", () => {
  const notification = { category: "notification" as const, template: "notification", params: { notificationKind: "proposal_accepted" } };
  const digest = { category: "digest" as const, template: "digest", params: { items: "[]" } };
  const invitation = { category: "invitation" as const, template: "invitation", params: {} };
  const current = new Map<NotificationKind, NotificationChannel>([
    ["proposal_received", "digest"],
    ["pair_active", "digest"],
    ["pair_ended", "email"],
  ]);

  it("stops a notification's kind: it stays in the app", () => {
    expect(unsubscribeTarget(notification)).toEqual({ kind: "proposal_accepted", category: "notification" });
    expect(unsubscribeChanges(notification, current)).toEqual([{ kind: "proposal_accepted", channel: "app" }]);
  });

  it("stops the digest: every kind now in it goes to the app, the others keep their channel", () => {
    expect(unsubscribeTarget(digest)).toEqual({ kind: null, category: "digest" });
    expect(unsubscribeChanges(digest, current)).toEqual([
      { kind: "proposal_received", channel: "app" },
      { kind: "pair_active", channel: "app" },
    ]);
  });

  it("changes nothing for an invitation, a security message or an unknown kind", () => {
    expect(unsubscribeChanges(invitation, current)).toEqual([]);
    expect(unsubscribeChanges({ category: "security", template: "password_changed", params: {} }, current)).toEqual([]);
    const unknown = { ...notification, params: { notificationKind: "not_a_kind" } };
    expect(unsubscribeTarget(unknown)).toEqual({ kind: null, category: "notification" });
    expect(unsubscribeChanges(unknown, current)).toEqual([]);
  });
});

describe("the digest email", () => {
  const recipient = { userId: "u1", email: "lea@acme.test", displayName: "Léa", locale: "en" as const };

  it("lists the pending notifications in the given order (newest first), in the recipient's language", () => {
    const mail = digestMail(recipient, [
      { kind: "proposal_accepted", params: { programmeName: "Pilote" } },
      { kind: "proposal_received", params: { menteeName: "Bernard" } },
    ]);
    expect(mail).toMatchObject({ category: "digest", template: "digest", toAddress: "lea@acme.test", toUserId: "u1", locale: "en" });
    expect(mail.params.name).toBe("Léa");
    expect(JSON.parse(mail.params.items as string)).toEqual([
      { kind: "proposal_accepted", params: { programmeName: "Pilote" } },
      { kind: "proposal_received", params: { menteeName: "Bernard" } },
    ]);
  });

  it("keeps at most the newest DIGEST_MAX_ITEMS", () => {
    const many = Array.from({ length: DIGEST_MAX_ITEMS + 7 }, (_, k) => ({ kind: "pair_active" as const, params: { n: String(k) } }));
    const items = JSON.parse(digestMail(recipient, many).params.items as string) as { params: { n: string } }[];
    expect(items).toHaveLength(DIGEST_MAX_ITEMS);
    expect(items[0]?.params.n).toBe("0");
  });

  it("gives how many notifications it stands for, and how many it does not list", () => {
    const many = Array.from({ length: DIGEST_MAX_ITEMS + 7 }, () => ({ kind: "pair_active" as const, params: {} }));
    expect(digestMail(recipient, many).params).toMatchObject({ count: String(DIGEST_MAX_ITEMS + 7), more: "7" });
    const few = digestMail(recipient, many.slice(0, 2)).params;
    expect(few.count).toBe("2");
    expect(few).not.toHaveProperty("more");
  });

  it("lists only the kinds the recipient has on the digest now", () => {
    const channels = new Map<NotificationKind, NotificationChannel>([
      ["pair_active", "digest"],
      ["pair_ended", "app"],
    ]);
    const pending: PendingNotification[] = [
      { kind: "pair_ended" as const, params: {} },
      { kind: "pair_active" as const, params: { n: "1" } },
      { kind: "proposal_received" as const, params: {} },
    ];
    expect(listedInDigest(pending, (kind) => channels.get(kind) ?? "email")).toEqual([{ kind: "pair_active", params: { n: "1" } }]);
  });
});
