import { createHash, randomBytes } from "node:crypto";

/** A random secret for a cookie or a one-time link: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: its SHA-256, so that a leaked table gives no usable link or cookie. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
