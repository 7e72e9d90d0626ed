import { describe, expect, it } from "vitest";
import { NewPassword } from "../../../contracts/accounts.ts";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./passwords.ts";

describe("password rules", () => {
  it("needs at least 12 characters, counted as a person counts them", () => {
    expect(NewPassword.safeParse("abcdefghijk").success).toBe(false);
    expect(NewPassword.safeParse("abcdefghijkl").success).toBe(true);
    // 11 accented letters are 11 characters, whatever their UTF-16 length.
    expect(NewPassword.safeParse("éèêëàâäôöûü").success).toBe(false);
    expect(NewPassword.safeParse("😀".repeat(12)).success).toBe(true);
  });

  it("has no composition rule but refuses common passwords and the account's email", () => {
    expect(checkPasswordStrength("girafe rouge", "a@example.fr")).toEqual([]);
    expect(checkPasswordStrength("AzertyUiop123", "a@example.fr")).toEqual([{ path: "password", messageKey: "fields.passwordTooCommon" }]);
    expect(checkPasswordStrength("qwerty123456", "a@example.fr")).toHaveLength(1);
    expect(checkPasswordStrength("jean.dupont@example.fr!", "jean.dupont@example.fr")).toEqual([
      { path: "password", messageKey: "fields.passwordContainsEmail" },
    ]);
  });

  it("hashes with argon2id and verifies", async () => {
    const hash = await hashPassword("une phrase de passe");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "une phrase de passe")).toBe(true);
    expect(await verifyPassword(hash, "une autre phrase")).toBe(false);
    expect(await verifyPassword(null, "nimporte quoi")).toBe(false);
  });
});
