import { expect, type Locator, type Page, test } from "@playwright/test";
import { checkpoint } from "./checkpoint.ts";

const DEMO_PASSWORD = "passerelle-demo";
const HR = "karima.benaissa@demo.passerelle.fr";
const PILOT = "Pilote mentorat inversé 2026";

/** Presses `key` until `target` has the focus, as a person without a mouse does; fails after `max` presses. */
async function moveTo(page: Page, target: Locator, key: "Tab" | "ArrowDown", max = 60): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target}`);
}

const tabTo = (page: Page, target: Locator) => moveTo(page, target, "Tab");

/** The login form, typed: Tab to the email field, the password after it, Enter to send. */
async function logInWithKeyboard(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await tabTo(page, page.getByLabel(/Adresse e-mail|Email/));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /Notifications/ })).toBeVisible();
}

test("with the keyboard alone, the HR manager logs in, opens a programme, goes through its tabs and logs out", async ({ page }) => {
  test.setTimeout(120_000);
  await logInWithKeyboard(page, HR);

  await tabTo(
    page,
    page.getByRole("navigation", { name: /Navigation principale|Main navigation/ }).getByRole("link", { name: /^Programmes$/ }),
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/programmes$/);

  await tabTo(page, page.getByRole("link", { name: PILOT }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: PILOT })).toBeVisible();

  // Tabs: one Tab stop, arrows move between them (WAI-ARIA tabs pattern).
  const tabs = page.getByRole("tab");
  await tabTo(page, page.getByRole("tab", { selected: true }));
  await page.keyboard.press("Home");
  await expect(tabs.first()).toBeFocused();
  const count = await tabs.count();
  for (let index = 1; index < count; index++) {
    await page.keyboard.press("ArrowRight");
    await expect(tabs.nth(index)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(tabs.nth(index)).toHaveAttribute("aria-selected", "true");
  }
  await checkpoint(page, "keyboard-00-programme-last-tab");

  await tabTo(page, page.getByRole("button", { name: /Karima/ }));
  await page.keyboard.press("Enter");
  // A menu moves its focus with the arrow keys (WAI-ARIA menu pattern).
  await moveTo(page, page.getByRole("menuitem", { name: /Se déconnecter|Log out/ }), "ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /Se connecter|Log in/ })).toBeVisible();
});

test("with the keyboard alone, a senior in an active pair opens the pair's page from the navigation", async ({ page }) => {
  await logInWithKeyboard(page, "philippe.garnier@demo.passerelle.fr");

  await tabTo(
    page,
    page.getByRole("navigation", { name: /Navigation principale|Main navigation/ }).getByRole("link", { name: /^Mes binômes$/ }),
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/pairs$/);
  const pairLink = page.locator('main a[href^="/pairs/"]').first();
  await tabTo(page, pairLink);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/pairs\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkpoint(page, "keyboard-01-pair");
});
