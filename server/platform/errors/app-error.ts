import { ERROR_CATALOGUE, type ErrorCode, type ErrorMessageKey } from "../../../contracts/errors.ts";

/** One problem with one field of a request: shown next to that field. */
export type ErrorDetail = { path: string; messageKey: string; params?: Record<string, unknown> };

export type AppErrorOptions<C extends ErrorCode> = {
  /** Values of the message's placeholders ("{{email}}"). */
  params?: Record<string, unknown>;
  details?: ErrorDetail[];
  headers?: Record<string, string>;
  /** A more precise wording than the code's default one, among those the catalogue lists for it. */
  messageKey?: ErrorMessageKey<C>;
};

/**
 * An expected failure of a use case: a code of the catalogue (contracts/errors.ts), whose HTTP
 * status and message key come from there; the message is translated at the edge into the
 * request's language.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: number;
  readonly messageKey: string;
  readonly params: Record<string, unknown>;
  readonly details: ErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(
    readonly code: C,
    options: AppErrorOptions<C> = {},
  ) {
    super(code);
    this.name = "AppError";
    this.status = ERROR_CATALOGUE[code].status;
    this.messageKey = (options.messageKey as string | undefined) ?? ERROR_CATALOGUE[code].message;
    this.params = options.params ?? {};
    this.details = options.details ?? [];
    this.headers = options.headers ?? {};
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED");
export const forbidden = () => new AppError("FORBIDDEN");
export const notFound = () => new AppError("NOT_FOUND");
/** A 400 about named fields, with the same envelope as schema validation errors. */
export const invalidFields = (details: ErrorDetail[]) => new AppError("VALIDATION_ERROR", { details });
