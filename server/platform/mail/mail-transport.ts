/**
 * The way out: nodemailer over SMTP when `SMTP_URL` is set; otherwise none, and every email stays in
 * the outbox that administrators read in the web app (the embedded default needs nothing installed).
 */
import nodemailer from "nodemailer";

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** A calendar invitation (a session's .ics): nodemailer sends it as text/calendar with its METHOD. */
  icalEvent?: { method: string; filename: string; content: string };
};
/** What the SMTP server answered ("250 2.0.0 Ok: queued as …") and the Message-ID it was sent with. */
export type SentMail = { response: string; messageId: string };
export type MailTransport = { send(mail: OutgoingMail): Promise<SentMail>; close(): void };

/**
 * An SMTP exchange that hangs gives up long before its delivery job expires (5 minutes, job-queue.ts):
 * a job retried while its first run still waits on the server would send the message twice.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** `smtp://user:pass@host:587`, `smtps://…:465`; nodemailer's URL options (`?pool=true`…) apply and win. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ ...SMTP_TIMEOUTS, url });
  return {
    async send(mail) {
      const info = await transporter.sendMail(mail);
      return { response: String(info.response ?? ""), messageId: String(info.messageId ?? "") };
    },
    close: () => transporter.close(),
  };
}

export type MailSettings = {
  /** Undefined: no SMTP server, emails are kept in the outbox. */
  transport: MailTransport | undefined;
  /** The From header: PASSERELLE_MAIL_FROM. */
  from: string;
  /** Links in emails start with it (PASSERELLE_PUBLIC_URL). */
  publicUrl: string;
};

/** The mail settings of a configuration (server/config.ts). */
export function mailSettings(config: { smtpUrl: string | undefined; mailFrom: string; publicUrl: string }): MailSettings {
  return { transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined, from: config.mailFrom, publicUrl: config.publicUrl };
}
