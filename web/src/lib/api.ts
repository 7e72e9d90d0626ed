/**
 * Fetch wrapper for the Passerelle API: JSON in and out, session cookie, Accept-Language from the
 * current UI language (the server translates its error messages), and the CSRF token on unsafe methods.
 */
import type { ErrorCode } from "../../../contracts/errors.ts";
import i18n from "../i18n/index.ts";

export interface FieldIssue {
  path: string;
  message: string;
}

/** A code of the server's catalogue (contracts/errors.ts), a network failure, or an answer without our envelope. */
export type ApiErrorCode = ErrorCode | "NETWORK_ERROR" | `HTTP_${number}`;

/** An error answered by the API (or a network failure, status 0). `message` is already translated. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The API is served by the app's own origin (tests without a window use a placeholder one). */
export const API_ORIGIN = typeof window === "undefined" ? "http://localhost" : window.location.origin;

/**
 * The CSRF token, fetched once and kept. The server binds it to the session: when a session begins or
 * ends (login, logout, setup, invitation accepted, expiry) it answers with this header, and the token
 * is dropped so that the next state-changing request fetches the new session's one.
 */
let csrfToken: Promise<string> | null = null;
const CSRF_ROTATED_HEADER = "x-csrf-rotated";

function getCsrfToken(): Promise<string> {
  csrfToken ??= sendRequest(new Request(new URL("/api/csrf-token", API_ORIGIN), { credentials: "same-origin" })).then(
    async (response) => ((await response.json()) as { token: string }).token,
    (error: unknown) => {
      csrfToken = null;
      throw error;
    },
  );
  return csrfToken;
}

async function readError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: ErrorCode; message?: string; details?: FieldIssue[] };
  } | null;
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? i18n.t("errors.unexpected"),
    error?.details ?? [],
  );
}

/**
 * Sends one request to the API the way every call must: in the UI's language (the server translates its
 * error messages), with the CSRF token on state-changing methods, retried once when that token went stale.
 * Resolves with the successful response; rejects with an `ApiError` (already translated). The typed client
 * (`api-client.ts`) sends everything through it.
 */
export async function sendRequest(request: Request, isRetry = false): Promise<Response> {
  request.headers.set("Accept", "application/json");
  request.headers.set("Accept-Language", i18n.language);
  if (request.method !== "GET" && request.method !== "HEAD") request.headers.set("x-csrf-token", await getCsrfToken());
  // Kept before sending: a body can be read once, and a stale token means sending it again.
  const spare = isRetry ? null : request.clone();
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    throw networkError();
  }
  if (response.headers.get(CSRF_ROTATED_HEADER)) csrfToken = null;
  if (response.ok) return response;
  const error = await readError(response);
  if (spare && isStaleToken(error)) return sendRequest(spare, true);
  throw error;
}

/** The token is bound to the session, which may have ended meanwhile (expiry, another tab): drop it to fetch a fresh one. */
function isStaleToken(error: ApiError): boolean {
  if (error.status !== 403 || error.code !== "CSRF_INVALID") return false;
  csrfToken = null;
  return true;
}

function networkError(): ApiError {
  return new ApiError(0, "NETWORK_ERROR", i18n.t("errors.network"));
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
  if (rotated) csrfToken = null;
  const response = new Response(xhr.responseText, { status: xhr.status });
  if (response.ok) return (await response.json()) as T;
  const error = await readError(response);
  if (isStaleToken(error) && !isRetry) return upload<T>(path, file, onProgress, true);
  throw error;
}

/** What the typed client cannot send: a file with its upload progress (the HR import). */
export const api = { upload };
