import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** axe's impacts that fail a journey: a person cannot use the page (critical) or has great trouble (serious). */
const BLOCKING = new Set(["serious", "critical"]);

/**
 * A point of a journey worth keeping and checking: a full-page screenshot in e2e/artifacts (kept by CI),
 * then axe on the page as it is (WCAG 2.1 A and AA rules), failing on any serious or critical violation,
 * and a check that the page does not scroll sideways at the journey's width.
 */
export async function checkpoint(page: Page, name: string): Promise<void> {
  // A toast or a drawer still fading in has its text half transparent: axe would measure a contrast
  // nobody reads. Wait until the page's transitions have ended (a spinner never ends: then go on).
  await page
    .waitForFunction(
      // A toast just mounted is transparent before its transition even starts: wait for it to be opaque too.
      "document.getAnimations().every((animation) => animation.playState !== 'running') && [...document.querySelectorAll('.mantine-Notification-root')].every((toast) => getComputedStyle(toast).opacity === '1')",
      undefined,
      { timeout: 3_000, polling: 100 },
    )
    .catch(() => {});
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(blocking, `accessibility of ${name} (${page.url()})`).toEqual([]);
  expect(await scrollsSideways(page), `${name} (${page.url()}) scrolls sideways`).toBe(false);
}

/** True when the page is wider than the window: a table or a row of buttons pushes it out. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
}
