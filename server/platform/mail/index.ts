/** The mail platform as contexts use it: queue an email in a transaction; the delivery job, the outbox. */
export { deliverMail, type MailDeps, renderStored } from "./deliver-mail.ts";
export { type MailSettings, type MailTransport, mailSettings, smtpTransport } from "./mail-transport.ts";
export { type NewMail, queueMail } from "./queue-mail.ts";
export { MAIL_TEMPLATES, type MailTemplate, mailDateWriters } from "./render-mail.ts";
export { findMessageForUnsubscribe, type UnsubscribeMessage } from "./unsubscribe-target.ts";
