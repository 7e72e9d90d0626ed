/**
 * Some emails carry a link that opens an account: an invitation (and its reminders) or a password
 * reset. With an SMTP server, only their recipient may ever read that link: the outbox shows such a
 * message with its token masked, and once it is sent the stored copy keeps no token at all. Without
 * an SMTP server, the outbox is how the link reaches the person (an administrator hands it over):
 * nothing is masked there.
 */
import type { RenderedMail } from "./render-mail.ts";

const SECRET_LINK_TEMPLATES = new Set(["invitation", "invitation_reminder", "password_reset"]);
export const MASKED_TOKEN = "••••••••";

/** The token of a message's link, when the message carries one that opens an account. */
export function secretTokenOf(template: string, params: Record<string, string>): string | undefined {
  if (!SECRET_LINK_TEMPLATES.has(template)) return undefined;
  return params.path?.match(/(?:\/invitation\/|[?&]token=)([^/?&#]+)/)?.[1];
}

/** The message's params with its link's token masked. */
export function maskedParams(params: Record<string, string>, token: string): Record<string, string> {
  return { ...params, path: (params.path ?? "").replace(token, MASKED_TOKEN) };
}

/** The rendered message with every copy of the token masked (subject, HTML, text, headers). */
export function maskedRendering(rendered: RenderedMail, token: string): RenderedMail {
  const mask = (value: string) => value.split(token).join(MASKED_TOKEN);
  return {
    subject: mask(rendered.subject),
    html: mask(rendered.html),
    text: mask(rendered.text),
    headers: Object.fromEntries(Object.entries(rendered.headers).map(([k, v]) => [k, mask(v)])),
  };
}
