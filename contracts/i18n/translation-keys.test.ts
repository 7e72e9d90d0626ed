import { describe, expect, it } from "vitest";
import emailsEn from "../../server/platform/mail/templates/emails.en.json" with { type: "json" };
import emailsFr from "../../server/platform/mail/templates/emails.fr.json" with { type: "json" };
import en from "./messages.en.json" with { type: "json" };
import fr from "./messages.fr.json" with { type: "json" };
import notificationsEn from "./notifications.en.json" with { type: "json" };
import notificationsFr from "./notifications.fr.json" with { type: "json" };
import { compareCatalogues } from "./translation-keys.ts";

describe("server message catalogue", () => {
  it("has every key in French and in English, none empty", () => {
    expect(compareCatalogues({ fr, en })).toEqual({ missing: { fr: [], en: [] }, empty: [] });
  });

  it("has every notification sentence and every email text in French and in English", () => {
    expect(compareCatalogues({ fr: notificationsFr, en: notificationsEn })).toEqual({ missing: { fr: [], en: [] }, empty: [] });
    expect(compareCatalogues({ fr: emailsFr, en: emailsEn })).toEqual({ missing: { fr: [], en: [] }, empty: [] });
  });

  it("detects a key present in one language only", () => {
    const result = compareCatalogues({ fr: { a: { b: "x", c: "y" } }, en: { a: { b: "x" }, d: "" } });
    expect(result.missing).toEqual({ fr: ["d"], en: ["a.c"] });
    expect(result.empty).toEqual(["en:d"]);
  });
});
