import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Role } from "../../contracts/accounts.ts";
import { buildApp } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { jobHandlers } from "../job-handlers.ts";
import { insertUser } from "../modules/accounts/index.ts";
import { hashPassword } from "../platform/auth/passwords.ts";
import { manualClock } from "../platform/clock/clock.ts";
import { runPendingJobs } from "../platform/jobs/job-queue.ts";
import { type MailSettings, mailSettings } from "../platform/mail/index.ts";
import { createTestDatabase } from "./test-database.ts";

export const TEST_PASSWORD = "une longue phrase de passe";

export type TestContext = {
  app: FastifyInstance;
  database: Database;
  clock: ReturnType<typeof manualClock>;
  config: Config;
  mail: MailSettings;
  /** Runs every job due now (emails, imports, bulk invitations…) as the workers would, then returns how many ran. */
  runJobs(): Promise<number>;
  close(): Promise<void>;
};

/**
 * The real app on a real (fresh) database with a hand-moved clock, for `app.inject` tests. Emails go
 * to the outbox unless `env.SMTP_URL` names a server (server/test/smtp-test-server.ts).
 */
export async function createTestApp(options: { database?: Database; env?: Record<string, string> } = {}): Promise<TestContext> {
  const database = options.database ?? (await createTestDatabase());
  const clock = manualClock();
  const config = loadConfig({ PASSERELLE_PUBLIC_URL: "http://passerelle.test", ...options.env });
  const mail = mailSettings(config);
  const app = await buildApp({ database, clock, config, mail });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    mail,
    runJobs: () => runPendingJobs(database, jobHandlers({ database, clock, config, mail })),
    async close() {
      await app.close();
      mail.transport?.close();
      if (!options.database) await database.close();
    },
  };
}

/** Builder: an active account with roles and the test password. */
export async function createUser(
  ctx: Pick<TestContext, "database" | "clock">,
  values: { email: string; roles?: Role[]; displayName?: string; locale?: "fr" | "en"; password?: string },
) {
  return insertUser(ctx.database.db, {
    email: values.email,
    displayName: values.displayName ?? values.email.split("@")[0] ?? values.email,
    passwordHash: await hashPassword(values.password ?? TEST_PASSWORD),
    status: "active",
    locale: values.locale ?? "fr",
    roles: values.roles ?? ["participant"],
    now: ctx.clock.now(),
  });
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * A browser-like client over `app.inject`: keeps cookies, fetches and sends the CSRF token on
 * state-changing requests (unless `csrf: false`), sends Accept-Language when given. Like
 * web/src/lib/api.ts, it drops its token when the server says it rotated it (a session began or
 * ended), and fetches a fresh one once when a request is refused with CSRF_INVALID.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly language?: string,
  ) {}

  get sessionCookie(): string | undefined {
    return this.cookies.get("passerelle_session");
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  async request(
    method: Method,
    url: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
    isRetry = false,
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.language) headers["accept-language"] = this.language;
    const sendsOwnToken = method !== "GET" && options.csrf !== false;
    if (sendsOwnToken) {
      this.csrfToken ??= (await this.request("GET", "/api/csrf-token")).json().token;
      headers["x-csrf-token"] = this.csrfToken as string;
    }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await this.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === "" || c.maxAge === 0 || (c.expires && c.expires.getTime() <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (response.headers["x-csrf-rotated"]) this.csrfToken = undefined;
    if (sendsOwnToken && !isRetry && response.statusCode === 403 && response.json().error?.code === "CSRF_INVALID") {
      this.csrfToken = undefined;
      return this.request(method, url, body, options, true);
    }
    return response;
  }

  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown, options?: { csrf?: boolean }) => this.request("POST", url, body ?? {}, options);
  patch = (url: string, body?: unknown) => this.request("PATCH", url, body ?? {});

  async login(email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    const response = await this.post("/api/auth/login", { email, password });
    if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
    return response;
  }
}
