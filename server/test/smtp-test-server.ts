/**
 * A real SMTP server on a free local port (smtp-server), keeping what it receives parsed (mailparser):
 * tests read the emails people would get. `SMTP_URL` for the app is `server.url`.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createTestApp } from "./test-app.ts";

export type ReceivedMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A header's raw value as sent ("List-Unsubscribe" → "<https://…>"), undefined when absent. */
  header(name: string): string | undefined;
  parsed: ParsedMail;
};

export type SmtpTestServer = {
  url: string;
  received: ReceivedMail[];
  /** Received by one address. */
  to(address: string): ReceivedMail[];
  /** Refuses the next `count` messages with this answer (the server's "550 …"). */
  refuseNext(count: number, answer?: string): void;
  close(): Promise<void>;
};

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let refusal = "550 Mailbox unavailable";
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals -= 1;
          const error = new Error(refusal) as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            for (const rcpt of session.envelope.rcptTo) {
              received.push({
                to: rcpt.address,
                subject: parsed.subject ?? "",
                text: parsed.text ?? "",
                html: typeof parsed.html === "string" ? parsed.html : "",
                header: (name) => {
                  const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
                  return line?.slice(line.indexOf(":") + 1).trim();
                },
                parsed,
              });
            }
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((m) => m.to === address),
    refuseNext(count, answer) {
      refusals = count;
      if (answer) refusal = answer;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The real app (test-app.ts) whose emails go to a fresh test SMTP server; `close` stops both. */
export async function startTestAppWithSmtp(env: Record<string, string> = {}) {
  const smtp = await startSmtpTestServer();
  const ctx = await createTestApp({ env: { SMTP_URL: smtp.url, ...env } });
  return {
    smtp,
    ctx,
    async close() {
      await ctx.close();
      await smtp.close();
    },
  };
}
