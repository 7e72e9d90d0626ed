import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/** Reads a positive integer with a default, naming the variable when it is wrong. */
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** proxy-addr's named ranges, accepted by Fastify's `trustProxy` like addresses. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An IPv4/IPv6 address, a network in CIDR notation, or a named range; undefined when valid, else why not. */
function proxyEntryProblem(entry: string): string | undefined {
  if (NAMED_RANGES.has(entry)) return undefined;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  const isPrefixValid = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
  if (family && isPrefixValid && rest.length === 0) return undefined;
  return `“${entry}” is not an IP address, a CIDR network (10.0.0.0/8) nor one of ${[...NAMED_RANGES].join(", ")}`;
}

/**
 * PASSERELLE_TRUST_PROXY → Fastify's `trustProxy`: false, true (any peer, any X-Forwarded-For), or
 * the list of proxy addresses/networks whose X-Forwarded-For entries are believed; the client is
 * then the right-most address that is not one of them (@fastify/proxy-addr).
 */
const TrustProxy = z
  .string()
  .default("false")
  .transform((raw, ctx): boolean | string[] => {
    const value = raw.trim();
    if (value === "false") return false;
    if (value === "true") return true;
    if (/^\d+$/.test(value)) {
      // Fastify ≥ 5.12.1 treats a number as "trust nothing": a hop count cannot check who is connecting.
      ctx.issues.push({
        code: "custom",
        input: value,
        message:
          "a hop count is not accepted (it lets a client that reaches the app directly forge its address): give the proxy's address instead, e.g. 127.0.0.1 or loopback for a proxy on the same machine (docs/deployment.md)",
      });
      return z.NEVER;
    }
    const entries = value.split(",").map((entry) => entry.trim());
    const problems = entries.map((entry) => (entry === "" ? "an empty entry between commas" : proxyEntryProblem(entry))).filter(Boolean);
    if (problems.length) {
      ctx.issues.push({
        code: "custom",
        input: value,
        message: `expected true, false or proxy addresses separated by commas: ${problems.join("; ")}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** Printed at start when PASSERELLE_TRUST_PROXY=true (server/app.ts). */
export const TRUST_ANY_PROXY_WARNING =
  "WARNING: PASSERELLE_TRUST_PROXY=true trusts any X-Forwarded-For header any client sends: a client can pick the address that login throttling and the rate limit count it under. Give your proxy's address instead (e.g. PASSERELLE_TRUST_PROXY=127.0.0.1), see docs/deployment.md.";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  PASSERELLE_DATA_DIR: z.string().min(1).default("./data"),
  PASSERELLE_PUBLIC_URL: z.string().url().optional(),
  PASSERELLE_ADMIN_EMAIL: z.string().email().optional(),
  PASSERELLE_ADMIN_PASSWORD: z.string().optional(),
  PASSERELLE_SESSION_IDLE_MINUTES: positiveInt(30),
  PASSERELLE_SESSION_ABSOLUTE_HOURS: positiveInt(12),
  PASSERELLE_TRUST_PROXY: TrustProxy,
  /** smtp://user:password@host:587 or smtps://…:465; unset: emails stay in the outbox that administrators read. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, { message: "expected smtp://user:password@host:port or smtps://… (docs/deployment.md)" })
    .optional(),
  PASSERELLE_MAIL_FROM: z.string().min(3).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Directory of the embedded database (absolute). */
  dataDir: string;
  /** Base URL used in links printed or shown to people (setup, invitations). */
  publicUrl: string;
  admin: { email: string; password: string } | undefined;
  session: { idleMs: number; absoluteMs: number };
  /** Fastify's `trustProxy`: false, true (any client's X-Forwarded-For: warned at start), or the proxies' addresses/networks. */
  trustProxy: boolean | string[];
  logLevel: string;
  /** Undefined: no SMTP server; emails go to the outbox (server/platform/mail). */
  smtpUrl: string | undefined;
  /** The From of every email: PASSERELLE_MAIL_FROM, else "Passerelle <passerelle@host of the public URL>". */
  mailFrom: string;
};

/** Builds the configuration from environment variables; throws a readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const hasEmail = e.PASSERELLE_ADMIN_EMAIL !== undefined;
  const hasPassword = e.PASSERELLE_ADMIN_PASSWORD !== undefined;
  if (hasEmail !== hasPassword) {
    throw new Error("Invalid configuration:\n  PASSERELLE_ADMIN_EMAIL and PASSERELLE_ADMIN_PASSWORD must be set together");
  }
  const shownHost = e.HOST === "0.0.0.0" || e.HOST === "::" ? "localhost" : e.HOST;
  const publicUrl = (e.PASSERELLE_PUBLIC_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.PASSERELLE_DATA_DIR),
    publicUrl,
    admin: hasEmail ? { email: e.PASSERELLE_ADMIN_EMAIL as string, password: e.PASSERELLE_ADMIN_PASSWORD as string } : undefined,
    session: {
      idleMs: e.PASSERELLE_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.PASSERELLE_SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    trustProxy: e.PASSERELLE_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.PASSERELLE_MAIL_FROM ?? `Passerelle <passerelle@${new URL(publicUrl).hostname}>`,
  };
}
