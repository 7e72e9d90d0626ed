import { expect, type Page, test } from "@playwright/test";
import { checkpoint } from "./checkpoint.ts";
import { LoginPage } from "./pages/login-page.ts";

const DEMO_PASSWORD = "passerelle-demo";
const HR = "karima.benaissa@demo.passerelle.fr";
const PILOT = "Pilote mentorat inversé 2026";

/** The most common laptop screen: the manager who also takes part must keep the whole navigation. */
test.use({ viewport: { width: 1366, height: 768 } });

async function logIn(page: Page, email: string) {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: /Notifications/ })).toBeVisible();
}

function mainNavigation(page: Page) {
  return page.getByRole("navigation", { name: /Navigation principale|Main navigation/ });
}

test("at 1366 × 768 the HR manager sees the navigation on every page, no page scrolls sideways, French dates read dd/mm/yyyy", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await logIn(page, HR);

  const navigation = mainNavigation(page);
  await expect(navigation).toBeVisible();
  for (const name of [/^Accueil$/, /^Programmes$/, /^Annuaire$/, /^Import RH$/, /^Mon profil$/, /^Mes binômes$/]) {
    await expect(navigation.getByRole("link", { name })).toBeVisible();
  }
  await checkpoint(page, "layout-00-home-1366");

  const pages: [string, string][] = [
    ["/programmes", "layout-01-programmes"],
    ["/admin/people", "layout-02-people"],
    ["/admin/import", "layout-03-import"],
    ["/profile", "layout-05-profile"],
    ["/self-assessment", "layout-06-self-assessment"],
    ["/pairs", "layout-07-pairs"],
    ["/proposals", "layout-08-proposals"],
    ["/account", "layout-09-account"],
  ];
  for (const [path, name] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(mainNavigation(page)).toBeVisible();
    await checkpoint(page, name);
  }

  // A programme's tabs: the widest tables of the app.
  await page.goto("/programmes");
  await page.getByRole("link", { name: PILOT }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: PILOT })).toBeVisible();
  for (const tab of await page.getByRole("tab").all()) {
    const name = ((await tab.textContent()) ?? "").trim();
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    await checkpoint(page, `layout-10-programme-${name.toLowerCase().replace(/[^a-z]+/g, "-")}`);
  }

  // The programme's dates in its settings, in the French UI: 20/12/2026, day first, whatever the browser's habit.
  const id = new URL(page.url()).pathname.split("/").pop();
  const programme = await (await page.request.get(`/api/programmes/${id}`)).json();
  await page.getByRole("tab", { name: /Paramètres/ }).click();
  const dayFirst = (iso: string) => iso.split("-").reverse().join("/");
  await expect(page.getByRole("textbox", { name: "Date de début" })).toHaveValue(dayFirst(programme.startsOn));
  await expect(page.getByRole("textbox", { name: "Date de fin" })).toHaveValue(dayFirst(programme.endsOn));
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("at 375 px the menu and the user menu are reachable", async ({ page }) => {
    await logIn(page, HR);
    await checkpoint(page, "layout-20-home-375");
    await page.getByRole("button", { name: /Ouvrir la navigation|Open navigation|Menu/ }).click();
    await expect(mainNavigation(page).getByRole("link", { name: /^Programmes$/ })).toBeVisible();
    await checkpoint(page, "layout-21-menu-375");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /Karima/ }).click();
    await expect(page.getByRole("menuitem", { name: /Se déconnecter|Log out/ })).toBeInViewport();
  });
});
