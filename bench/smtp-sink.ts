/**
 * The benchmark's SMTP server, in a process of its own (forked with an IPC channel by mail.bench.ts) so that
 * it takes none of the measured process's event loop or memory. It accepts every message and keeps only what
 * the verdict needs: how many arrived, to whom, and their Message-ID (read from the headers, nothing parsed
 * beyond them). Messages: it sends `{ port }` once listening; `"report"` answers the counts since the last
 * report and starts afresh; `"close"` stops it.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type SinkReport = { received: number; recipients: number; messageIds: number; maxPerRecipient: number };

let perRecipient = new Map<string, number>();
let messageIds = new Set<string>();
let received = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  // No DNS lookup of each connecting client (127.0.0.1): this machine may have no resolver, and it is not what is measured.
  disableReverseLookup: true,
  // nodemailer's pool keeps a connection for many messages; no limit on how many.
  maxClients: 100,
  onData(stream, session, callback) {
    let head = "";
    stream.on("data", (chunk: Buffer) => {
      if (head.length < 8192 && !head.includes("\r\n\r\n")) head += chunk.toString("latin1");
    });
    stream.on("end", () => {
      const headers = head.slice(0, Math.max(0, head.indexOf("\r\n\r\n")) || head.length);
      const id = /^message-id:\s*(\S+)/im.exec(headers)?.[1];
      if (id) messageIds.add(id);
      for (const rcpt of session.envelope.rcptTo) {
        received += 1;
        perRecipient.set(rcpt.address, (perRecipient.get(rcpt.address) ?? 0) + 1);
      }
      callback();
    });
  },
});

server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port });
});

process.on("message", (message) => {
  if (message === "report") {
    const report: SinkReport = {
      received,
      recipients: perRecipient.size,
      messageIds: messageIds.size,
      maxPerRecipient: Math.max(0, ...perRecipient.values()),
    };
    perRecipient = new Map();
    messageIds = new Set();
    received = 0;
    process.send?.(report);
  }
  if (message === "close") server.close(() => process.exit(0));
});
