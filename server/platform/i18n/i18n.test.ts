import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, translator } from "./i18n.ts";

describe("request language", () => {
  it.each([
    [undefined, "fr"],
    ["", "fr"],
    ["en", "en"],
    ["en-GB,en;q=0.9,fr;q=0.8", "en"],
    ["de-DE,de;q=0.9,en;q=0.5,fr;q=0.4", "en"],
    ["fr;q=0.2,en;q=0.9", "en"],
    ["es, it", "fr"],
    ["en;q=0", "fr"],
  ])("Accept-Language %j → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("interpolates values into messages", () => {
    expect(translator("fr")("errors.tooManyAttempts", { minutes: 15 })).toBe(
      "Trop de tentatives de connexion échouées. Réessayez dans 15 minutes.",
    );
    expect(translator("en")("fields.passwordTooShort", { min: 12 })).toBe("The password must be at least 12 characters long.");
  });
});
