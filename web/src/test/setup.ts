/**
 * Setup of the `web` vitest project: what Mantine needs from a browser that happy-dom leaves out, the
 * UI texts in French (the app's default language), and a clean DOM and language after each test.
 */
import { afterEach, vi } from "vitest";

// A test file may ask for the node environment (no DOM): it gets none of this.
if (typeof window !== "undefined") {
  const { cleanup } = await import("@testing-library/react");
  const { default: i18n, loadAppTexts } = await import("../i18n/index.ts");
  // The logged-in app's French texts, which the app loads with its layout (router.tsx).
  await loadAppTexts();

  // Mantine reads the colour scheme and breakpoints through matchMedia, and measures some components.
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  Element.prototype.scrollIntoView ??= () => {};
  // Textarea's autosize listens for web fonts loading.
  if (!document.fonts) {
    Object.defineProperty(document, "fonts", { value: { addEventListener: () => {}, removeEventListener: () => {} } });
  }

  // With fake timers, Testing Library's async helpers wait on a timer that only `jest.advanceTimersByTime`
  // fires: without this alias, `user.type` under `vi.useFakeTimers()` never returns.
  Object.assign(globalThis, { jest: { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) } });

  await i18n.changeLanguage("fr");

  afterEach(async () => {
    cleanup();
    if (i18n.language !== "fr") await i18n.changeLanguage("fr");
  });
}
