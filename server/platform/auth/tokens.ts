import { createHash, createHmac, randomBytes } from "node:crypto";

/** A random secret for a cookie or a one-time link: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: its SHA-256, so that a leaked table gives no usable link or cookie. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A secret derived from a token for one purpose (the CSRF secret of a session): nothing to store, and
 * out of reach of whoever lacks the token itself (the database keeps only its SHA-256, which is not
 * enough to compute this).
 */
export function derivedSecret(token: string, purpose: string): string {
  return createHmac("sha256", token).update(purpose).digest("base64url");
}
