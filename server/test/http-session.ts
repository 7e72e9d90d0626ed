/**
 * A browser's session against a real server over HTTP (fetch): keeps its cookies, fetches the CSRF
 * token for state-changing requests and fetches a new one when the server renews it (login, logout).
 * For scripts and benchmarks that start the server as a process; in-process tests use TestClient.
 */
export class HttpSession {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(private readonly baseUrl: string) {}

  /** The Cookie header this session sends (to hand to another process). */
  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** `body`: an object sent as JSON, or bytes sent as they are with `contentType`. */
  async send(method: string, url: string, body?: unknown, contentType?: string): Promise<Response> {
    const headers: Record<string, string> = {};
    if (method !== "GET") {
      this.csrf ??= ((await (await this.send("GET", "/api/csrf-token")).json()) as { token: string }).token;
      headers["x-csrf-token"] = this.csrf;
    }
    const isRaw = body instanceof Uint8Array;
    if (body !== undefined) headers["content-type"] = contentType ?? (isRaw ? "application/octet-stream" : "application/json");
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: isRaw ? body : JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = (pair ?? "").indexOf("=");
      if (at > 0) this.cookies.set((pair as string).slice(0, at), (pair as string).slice(at + 1));
    }
    if (response.headers.get("x-csrf-rotated")) this.csrf = undefined;
    return response;
  }

  async login(email: string, password: string): Promise<void> {
    const response = await this.send("POST", "/api/auth/login", { email, password });
    if (response.status !== 200) throw new Error(`login of ${email}: ${response.status} ${await response.text()}`);
  }
}
