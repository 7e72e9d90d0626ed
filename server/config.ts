import path from "node:path";
import { z } from "zod";

/** Reads a positive integer with a default, naming the variable when it is wrong. */
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

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
  PASSERELLE_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  PASSERELLE_ORGANISATION_NAME: z.string().min(1).default("Passerelle"),
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
  trustProxy: boolean;
  organisationName: string;
  logLevel: string;
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
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.PASSERELLE_DATA_DIR),
    publicUrl: (e.PASSERELLE_PUBLIC_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/$/, ""),
    admin: hasEmail ? { email: e.PASSERELLE_ADMIN_EMAIL as string, password: e.PASSERELLE_ADMIN_PASSWORD as string } : undefined,
    session: {
      idleMs: e.PASSERELLE_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.PASSERELLE_SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    trustProxy: e.PASSERELLE_TRUST_PROXY === "true",
    organisationName: e.PASSERELLE_ORGANISATION_NAME,
    logLevel: e.LOG_LEVEL,
  };
}
