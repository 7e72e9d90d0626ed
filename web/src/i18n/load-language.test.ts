import { afterEach, describe, expect, it, vi } from "vitest";

describe("the UI language", () => {
  afterEach(() => {
    localStorage.clear();
    vi.resetModules();
  });

  it("is French at once, with its texts bundled", async () => {
    vi.resetModules();
    const { default: i18n } = await import("./index.ts");
    expect(i18n.t("common.cancel")).toBe("Annuler");
    expect(document.documentElement.lang).toBe("fr");
  });

  it("is English once its texts have loaded, when this browser chose it", async () => {
    localStorage.setItem("passerelle.language", "en");
    vi.resetModules();
    const { default: i18n, i18nReady } = await import("./index.ts");
    await i18nReady;
    expect(i18n.language).toBe("en");
    expect(i18n.t("common.cancel")).toBe("Cancel");
    expect(i18n.t("fields.required", { ns: "server" })).toBe("This field is required.");
    expect(document.documentElement.lang).toBe("en");
  });
});
