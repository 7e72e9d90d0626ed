/**
 * Fetch wrapper for the Passerelle API: JSON in and out, session cookie, Accept-Language from the
 * current UI language (the server translates its error messages), and the CSRF token on unsafe methods.
 */
import i18n from "../i18n/index.ts";

export interface FieldIssue {
  path: string;
  message: string;
}

/** An error answered by the API (or a network failure, status 0). `message` is already translated. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * The CSRF token, fetched once and kept. The server binds it to the session: when a session begins or
 * ends (login, logout, setup, invitation accepted, expiry) it answers with this header, and the token
 * is dropped so that the next state-changing request fetches the new session's one.
 */
let csrfToken: Promise<string> | null = null;
const CSRF_ROTATED_HEADER = "x-csrf-rotated";

function getCsrfToken(): Promise<string> {
  csrfToken ??= request<{ token: string }>("GET", "/api/csrf-token").then(
    ({ token }) => token,
    (error: unknown) => {
      csrfToken = null;
      throw error;
    },
  );
  return csrfToken;
}

async function readError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: FieldIssue[] } } | null;
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? i18n.t("errors.unexpected"),
    error?.details ?? [],
  );
}

async function request<T>(method: Method, path: string, body?: unknown, isRetry = false): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": i18n.language };
  // Fastify rejects an empty body sent as JSON, so the content type goes only with a body.
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["x-csrf-token"] = await getCsrfToken();

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  return answer(response, isRetry, () => request<T>(method, path, body, true));
}

function networkError(): ApiError {
  return new ApiError(0, "NETWORK_ERROR", i18n.t("errors.network"));
}

/** The body of a successful answer, or its error thrown; `retry` once when the CSRF token went stale. */
async function answer<T>(response: Response, isRetry: boolean, retry: () => Promise<T>): Promise<T> {
  if (response.headers.get(CSRF_ROTATED_HEADER)) csrfToken = null;
  // 204 No Content (e.g. an enrolment updated) has no body to parse.
  if (response.ok) return (response.status === 204 ? null : await response.json()) as T;
  const error = await readError(response);
  // The token is bound to the session, which may have ended meanwhile (expiry, another tab): fetch a fresh one once.
  if (response.status === 403 && error.code === "CSRF_INVALID" && !isRetry) {
    csrfToken = null;
    return retry();
  }
  throw error;
}

/** Appends the non-empty parameters as a query string. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Sends a file as the raw request body with XMLHttpRequest, which (unlike fetch) reports upload
 * progress: `onProgress` receives the fraction sent, 0 to 1.
 */
async function upload<T>(path: string, file: Blob, onProgress: (fraction: number) => void, isRetry = false): Promise<T> {
  const token = await getCsrfToken();
  const xhr = new XMLHttpRequest();
  const done = new Promise<void>((resolve, reject) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve();
    xhr.onerror = () => reject(networkError());
  });
  xhr.open("POST", path);
  xhr.withCredentials = true;
  xhr.setRequestHeader("Accept", "application/json");
  xhr.setRequestHeader("Accept-Language", i18n.language);
  // Whatever the browser guesses (.txt is text/plain), the server reads the bytes as a CSV file.
  xhr.setRequestHeader("Content-Type", "text/csv");
  xhr.setRequestHeader("x-csrf-token", token);
  xhr.send(file);
  await done;
  const rotated = xhr.getResponseHeader(CSRF_ROTATED_HEADER);
  const response = new Response(xhr.responseText, { status: xhr.status, headers: rotated ? { [CSRF_ROTATED_HEADER]: rotated } : {} });
  return answer(response, isRetry, () => upload<T>(path, file, onProgress, true));
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
  upload,
};
