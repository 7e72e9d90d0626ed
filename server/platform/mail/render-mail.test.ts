import { describe, expect, it } from "vitest";
import { type MailToRender, renderMail } from "./render-mail.ts";

const context = { organisation: "Acme & Fils", publicUrl: "https://passerelle.acme.fr" };
const mail = (values: Partial<MailToRender>): MailToRender => ({
  id: "7f0c2a9e-4c1b-4d5e-9f3a-2b6c8d0e1f23",
  template: "notification",
  params: {},
  locale: "fr",
  category: "notification",
  ...values,
});

describe("renderMail", () => {
  it("writes a notification with the bell's sentence, in French by default, with the organisation's name", () => {
    const out = renderMail(
      mail({ params: { notificationKind: "proposal_received", menteeName: "Jeanne", path: "/proposals", name: "Marc" } }),
      context,
    );
    expect(out.subject).toBe("Jeanne vous propose de devenir son mentor.");
    expect(out.text).toContain("Bonjour Marc,");
    expect(out.text).toContain("Ouvrir Passerelle : https://passerelle.acme.fr/proposals");
    expect(out.text).toContain("mentorat inversé de Acme & Fils");
    expect(out.html).toContain("Acme &amp; Fils");
    expect(out.html).toContain('<html lang="fr">');
  });

  it("writes English for an English reader", () => {
    const out = renderMail(mail({ locale: "en", params: { notificationKind: "pair_completed", path: "/pairs" } }), context);
    expect(out.subject).toBe("Your pair is completed. Well done!");
    expect(out.text).toMatch(/^Hello,/);
    expect(out.text).toContain("Open Passerelle: https://passerelle.acme.fr/pairs");
    expect(out.html).toContain('<html lang="en">');
  });

  it("writes a session's time in the recipient's time zone, naming it when it is not Paris", () => {
    const tomorrow = { notificationKind: "session_tomorrow", partnerName: "Léa", at: "2026-03-30T16:30:00.000Z", path: "/pairs" };
    expect(renderMail(mail({ params: tomorrow }), context).subject).toBe(
      "Rappel : votre séance avec Léa a lieu demain, le 30 mars 2026 à 18:30.",
    );
    expect(renderMail(mail({ params: tomorrow, locale: "en", timeZone: "America/Montreal" }), context).subject).toBe(
      "Reminder: your session with Léa is tomorrow, 30 March 2026 at 12:30 (America/Montreal).",
    );
    expect(renderMail(mail({ params: tomorrow, timeZone: "Mars/Olympus" }), context).subject).toContain("18:30.");
  });

  it("escapes every value in the HTML", () => {
    const out = renderMail(
      mail({ params: { notificationKind: "proposal_received", menteeName: '<script>alert("x")</script>', path: "/proposals" } }),
      context,
    );
    expect(out.html).not.toContain("<script>");
    expect(out.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(out.text).toContain('<script>alert("x")</script>');
  });

  it("offers one-click unsubscribe on everything but security messages", () => {
    const notification = renderMail(mail({ params: { notificationKind: "pair_completed" } }), context);
    expect(notification.headers).toEqual({
      "List-Unsubscribe": "<https://passerelle.acme.fr/api/mail/unsubscribe/7f0c2a9e-4c1b-4d5e-9f3a-2b6c8d0e1f23>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(notification.text).toContain("https://passerelle.acme.fr/account/notifications");
    const security = renderMail(
      mail({ template: "password_changed", category: "security", params: { email: "a@acme.fr", at: "2026-03-29T16:30:00Z" } }),
      context,
    );
    expect(security.headers).toEqual({});
    expect(security.text).not.toContain("/unsubscribe/");
    // Paris time, after the change to summer time: 16:30 UTC is 18:30.
    expect(security.text).toContain("29 mars 2026 à 18:30");
  });

  it("invites with who invites, to what, and until when", () => {
    const out = renderMail(
      mail({
        template: "invitation",
        category: "invitation",
        params: { inviter: "Karima Benaïssa", programmeName: "Pilote 2026", path: "/invitation/abc", expiresAt: "2026-12-13T09:00:00Z" },
      }),
      context,
    );
    expect(out.subject).toBe("Karima Benaïssa vous invite sur Passerelle – Acme & Fils");
    expect(out.text).toContain("le programme « Pilote 2026 »");
    expect(out.text).toContain("13 décembre 2026 à 10:00");
    expect(out.text).toContain("Créer mon compte : https://passerelle.acme.fr/invitation/abc");
  });

  it("lists a digest's notifications", () => {
    const items = JSON.stringify([
      { kind: "proposal_declined", params: {} },
      { kind: "match_published", params: { partnerName: "Inès" } },
    ]);
    const out = renderMail(mail({ template: "digest", category: "digest", params: { items } }), context);
    expect(out.subject).toBe("Passerelle : 2 nouvelles notifications");
    expect(out.text).toContain("- Votre proposition a été déclinée.");
    expect(out.text).toContain("- Votre binôme avec Inès est publié");
  });

  it("counts every notification of a digest in its subject, and says how many are not listed", () => {
    const items = JSON.stringify([{ kind: "proposal_declined", params: {} }]);
    const fr = renderMail(mail({ template: "digest", category: "digest", params: { items, count: "58", more: "57" } }), context);
    expect(fr.subject).toBe("Passerelle : 58 nouvelles notifications");
    expect(fr.text).toContain("- Votre proposition a été déclinée.\n- … et 57 autres notifications dans Passerelle.\n");
    expect(fr.html).toContain('<li style="margin-bottom:8px;line-height:1.5">… et 57 autres notifications dans Passerelle.</li></ul>');
    const en = renderMail(
      mail({ template: "digest", category: "digest", locale: "en", params: { items, count: "2", more: "1" } }),
      context,
    );
    expect(en.subject).toBe("Passerelle: 2 new notifications");
    expect(en.text).toContain("- … and 1 more notification in Passerelle.");
    const all = renderMail(mail({ template: "digest", category: "digest", params: { items, count: "1" } }), context);
    expect(all.subject).toBe("Passerelle : 1 nouvelle notification");
    expect(all.text).not.toContain("…");
  });
});
