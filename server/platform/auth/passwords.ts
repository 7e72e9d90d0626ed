import fs from "node:fs";
import { hash, verify } from "@node-rs/argon2";
import type { ErrorDetail } from "../errors/app-error.ts";

// Argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane); @node-rs/argon2 defaults to argon2id.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

let commonPasswords: Set<string> | undefined;
function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    fs
      .readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#")),
  );
  return commonPasswords;
}

/**
 * The rules a new password must meet beyond its length (checked by the NewPassword schema):
 * not in the shipped list of common passwords, and not the account's own email. No composition
 * rules (NIST SP 800-63B, CNIL 2022 recommendation).
 */
export function checkPasswordStrength(password: string, email: string, path = "password"): ErrorDetail[] {
  const lowered = password.toLowerCase();
  if (loadCommonPasswords().has(lowered)) return [{ path, messageKey: "fields.passwordTooCommon" }];
  const local = email.toLowerCase().split("@")[0] ?? "";
  if (lowered.includes(email.toLowerCase()) || (local.length >= 4 && lowered === local)) {
    return [{ path, messageKey: "fields.passwordContainsEmail" }];
  }
  return [];
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check so that response times do not reveal which emails exist.
    await hash(password, ARGON2_OPTIONS);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
