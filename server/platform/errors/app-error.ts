/** One problem with one field of a request: shown next to that field. */
export type ErrorDetail = { path: string; messageKey: string; params?: Record<string, unknown> };

/**
 * An expected failure of a use case. It carries a stable machine code, an HTTP status and a
 * message key translated at the edge into the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export const unauthenticated = () => new AppError(401, "UNAUTHENTICATED", "errors.unauthenticated");
export const forbidden = () => new AppError(403, "FORBIDDEN", "errors.forbidden");
export const notFound = () => new AppError(404, "NOT_FOUND", "errors.notFound");
/** A 400 about named fields, with the same envelope as schema validation errors. */
export const invalidFields = (details: ErrorDetail[]) => new AppError(400, "VALIDATION_ERROR", "errors.validation", {}, details);
