/**
 * Turns a queued email (template + values, in the recipient's language) into what is sent: subject,
 * HTML and plain text, and the List-Unsubscribe headers. Plain templates (docs/adr/0008): a short
 * catalogue of texts per language (templates/emails.<language>.json) poured into one layout; every
 * value is escaped in HTML. Notifications reuse the bell's sentence (contracts/notification-text.ts).
 */
import { createInstance, type TFunction } from "i18next";
import type { Locale } from "../../../contracts/accounts.ts";
import notificationsEn from "../../../contracts/i18n/notifications.en.json" with { type: "json" };
import notificationsFr from "../../../contracts/i18n/notifications.fr.json" with { type: "json" };
import type { MailCategory } from "../../../contracts/mail.ts";
import { notificationText } from "../../../contracts/notification-text.ts";
import type { Notification } from "../../../contracts/notifications.ts";
import emailsEn from "./templates/emails.en.json" with { type: "json" };
import emailsFr from "./templates/emails.fr.json" with { type: "json" };

export const MAIL_TEMPLATES = [
  "invitation",
  "invitation_reminder",
  "password_reset",
  "password_changed",
  "notification",
  "digest",
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

const i18n = createInstance();
void i18n.init({
  lng: "fr",
  fallbackLng: "fr",
  resources: { fr: { translation: { ...emailsFr, ...notificationsFr } }, en: { translation: { ...emailsEn, ...notificationsEn } } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The page "Mes notifications" (web/src/app/routes.tsx). */
export const PREFERENCES_PATH = "/account/notifications";

/** The values a template reads, all strings (they are stored as jsonb). */
export type MailParams = Record<string, string>;

export type MailToRender = {
  id: string;
  template: string;
  params: MailParams;
  locale: Locale;
  category: MailCategory;
  /** The recipient's time zone (their directory entry's); Paris, the programmes' zone, when unknown. */
  timeZone?: string | undefined;
};
export type RenderContext = { organisation: string; publicUrl: string };
export type RenderedMail = { subject: string; html: string; text: string; headers: Record<string, string> };

const PARIS = "Europe/Paris";

/** Formatters per language and zone, built once (a cohort's emails are rendered by the thousand). */
const formatters = new Map<string, { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();
function formattersOf(locale: Locale, timeZone: string) {
  const cacheKey = `${locale}|${timeZone}`;
  let found = formatters.get(cacheKey);
  if (!found) {
    const tag = locale === "fr" ? "fr-FR" : "en-GB";
    found = {
      dateTime: new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short", timeZone }),
      date: new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone }),
    };
    formatters.set(cacheKey, found);
  }
  return found;
}

const isKnownZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * Dates as the recipient reads them, long form, in their time zone: Paris (the programmes' zone) by
 * default; another zone is named after the time ("18:30 (America/Montreal)").
 */
export function mailDateWriters(locale: Locale, timeZone: string = PARIS) {
  const zone = timeZone !== PARIS && isKnownZone(timeZone) ? timeZone : PARIS;
  const { dateTime, date } = formattersOf(locale, zone);
  const named = zone === PARIS ? "" : ` (${zone})`;
  return {
    dateTime: (iso: string) => `${dateTime.format(new Date(iso))}${named}`,
    relative: (iso: string) => (locale === "fr" ? `le ${date.format(new Date(iso))}` : `on ${date.format(new Date(iso))}`),
    date: (iso: string) => date.format(new Date(iso)),
  };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** What a template says: heading, paragraphs (plain text), an action (label and path), and the subject. */
type Content = { subject: string; heading: string; paragraphs: string[]; list?: string[]; action?: { label: string; path: string } };

function contentOf(mail: MailToRender, t: TFunction, context: RenderContext): Content {
  const p = mail.params;
  const dates = mailDateWriters(mail.locale, mail.timeZone);
  const values = { ...p, organisation: context.organisation };
  const key = (name: string) => `templates.${mail.template}.${name}`;
  switch (mail.template as MailTemplate) {
    case "invitation":
    case "invitation_reminder": {
      const expiresAt = p.expiresAt ? dates.dateTime(p.expiresAt) : "";
      const body = mail.template === "invitation" && p.programmeName ? key("bodyProgramme") : key("body");
      return {
        subject: t(key("subject"), { ...values, expiresAt: p.expiresAt ? dates.date(p.expiresAt) : "" }),
        heading: t(key("heading")),
        paragraphs: [t(body, values), t(key("expiry"), { ...values, expiresAt })],
        action: { label: t(key("action")), path: p.path ?? "/" },
      };
    }
    case "password_reset":
    case "password_changed":
      return {
        subject: t(key("subject"), values),
        heading: t(key("heading")),
        paragraphs: [t(key("body"), { ...values, at: p.at ? dates.dateTime(p.at) : "" }), t(key("expiry"), values)],
        action: { label: t(key("action")), path: p.path ?? "/login" },
      };
    case "notification": {
      const { notificationKind, path, ...rest } = p;
      const sentence = notificationText({ kind: notificationKind as Notification["kind"], params: rest }, (k, v) => t(k, v ?? {}), dates);
      return {
        subject: t(key("subject"), { sentence: sentence.length > 120 ? `${sentence.slice(0, 117)}…` : sentence }),
        heading: t(key("heading")),
        paragraphs: [sentence],
        action: { label: t(key("action")), path: path ?? "/" },
      };
    }
    case "digest": {
      const items = JSON.parse(p.items ?? "[]") as Pick<Notification, "kind" | "params">[];
      // `count`: every notification the digest stands for; `more`: those beyond the ones listed (older digests have neither).
      const more = Number(p.more ?? 0);
      return {
        subject: t(key("subject"), { count: p.count ? Number(p.count) : items.length }),
        heading: t(key("heading")),
        paragraphs: [t(key("body"))],
        list: [
          ...items.map((item) => notificationText(item, (k, v) => t(k, v ?? {}), dates)),
          ...(more > 0 ? [t(key("more"), { count: more })] : []),
        ],
        action: { label: t(key("action")), path: "/" },
      };
    }
    default:
      throw new Error(`unknown email template ${mail.template}`);
  }
}

export function renderMail(mail: MailToRender, context: RenderContext): RenderedMail {
  const t = i18n.getFixedT(mail.locale);
  const content = contentOf(mail, t, context);
  const isSecurity = mail.category === "security";
  const unsubscribeUrl = `${context.publicUrl}/unsubscribe/${mail.id}`;
  const preferencesUrl = `${context.publicUrl}${PREFERENCES_PATH}`;
  const actionUrl = content.action ? `${context.publicUrl}${content.action.path}` : undefined;
  const greeting = mail.params.name ? t("layout.greeting", { name: mail.params.name }) : t("layout.greetingNoName");
  const footer = [t("layout.footer", { organisation: context.organisation })];
  const colon = mail.locale === "fr" ? " : " : ": ";
  if (isSecurity) footer.push(t("layout.securityFooter"));

  const text = [
    greeting,
    "",
    ...content.paragraphs.flatMap((para) => [para, ""]),
    ...(content.list ? [...content.list.map((item) => `- ${item}`), ""] : []),
    ...(content.action && actionUrl ? [`${content.action.label}${colon}${actionUrl}`, ""] : []),
    "--",
    ...footer,
    ...(isSecurity ? [] : [`${t("layout.preferences")}${colon}${preferencesUrl}`, `${t("layout.unsubscribe")}${colon}${unsubscribeUrl}`]),
  ].join("\n");

  const e = escapeHtml;
  const button =
    content.action && actionUrl
      ? `<p style="margin:24px 0"><a href="${e(actionUrl)}" style="background:#1c5d99;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${e(content.action.label)}</a></p>
<p style="font-size:13px;color:#555">${e(t("layout.linkFallback"))}<br><a href="${e(actionUrl)}" style="color:#1c5d99;word-break:break-all">${e(actionUrl)}</a></p>`
      : "";
  const html = `<!doctype html>
<html lang="${mail.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px">
<tr><td style="padding:20px 28px;border-bottom:1px solid #e5e7eb;font-weight:700;color:#1c5d99">Passerelle · ${e(context.organisation)}</td></tr>
<tr><td style="padding:28px">
<h1 style="font-size:20px;margin:0 0 16px">${e(content.heading)}</h1>
<p>${e(greeting)}</p>
${content.paragraphs.map((para) => `<p style="line-height:1.5">${e(para)}</p>`).join("\n")}
${content.list ? `<ul>${content.list.map((item) => `<li style="margin-bottom:8px;line-height:1.5">${e(item)}</li>`).join("")}</ul>` : ""}
${button}
</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e5e7eb;font-size:12px;color:#555">
${footer.map((line) => `<p style="margin:4px 0">${e(line)}</p>`).join("")}
${isSecurity ? "" : `<p style="margin:4px 0"><a href="${e(preferencesUrl)}" style="color:#1c5d99">${e(t("layout.preferences"))}</a> · <a href="${e(unsubscribeUrl)}" style="color:#1c5d99">${e(t("layout.unsubscribe"))}</a></p>`}
</td></tr>
</table></td></tr></table>
</body></html>`;

  const headers: Record<string, string> = isSecurity
    ? {}
    : {
        "List-Unsubscribe": `<${context.publicUrl}/api/mail/unsubscribe/${mail.id}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      };
  return { subject: content.subject, html, text, headers };
}
