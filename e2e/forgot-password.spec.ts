import { type APIRequestContext, expect, type Page, request, test } from "@playwright/test";
import { checkpoint } from "./checkpoint.ts";
import { AppHeader, LoginPage } from "./pages/login-page.ts";

const DEMO_PASSWORD = "passerelle-demo";
const ADMIN = "loic.kerbrat@demo.passerelle.fr";
/** A participant no other journey logs in as: her password changes here. */
const PARTICIPANT = { email: "noemie.ferreira@demo.passerelle.fr", name: "Noémie Ferreira" };
const UNKNOWN = "personne.inconnue@demo.passerelle.fr";
const NEW_PASSWORD = "une nouvelle phrase pour Noémie";
const CONFIRMATION = (email: string) => `Si un compte existe pour l’adresse ${email}, vous allez recevoir un courriel`;

type MailSummary = { id: string; template: string; status: string };

/** The administrator's outbox, read through the API in a context of its own (the demo has no SMTP server). */
async function adminOutbox(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const { token } = (await (await api.get("/api/csrf-token")).json()) as { token: string };
  const login = await api.post("/api/auth/login", { data: { email: ADMIN, password: DEMO_PASSWORD }, headers: { "x-csrf-token": token } });
  expect(login.status()).toBe(200);
  return api;
}

async function mailTo(api: APIRequestContext, address: string): Promise<MailSummary[]> {
  const response = await api.get(`/api/admin/mail?to=${encodeURIComponent(address)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: MailSummary[] }).items;
}

/** The reset emails of an address, newest first, once the background workers (polling every ~2 s) have made `count` of them. */
async function resetMails(api: APIRequestContext, address: string, count: number): Promise<MailSummary[]> {
  let found: MailSummary[] = [];
  await expect
    .poll(
      async () => {
        found = (await mailTo(api, address)).filter((m) => m.template === "password_reset");
        return found.length;
      },
      { timeout: 20_000, message: `password_reset emails to ${address}` },
    )
    .toBe(count);
  return found;
}

/** The path of the link in an email's plain text (`/reset-password?token=…`), to open on the test's own server. */
async function linkIn(api: APIRequestContext, id: string): Promise<string> {
  const mail = (await (await api.get(`/api/admin/mail/${id}`)).json()) as { text: string };
  const match = /https?:\/\/[^/\s]+(\/reset-password\?token=[\w-]+)/.exec(mail.text);
  expect(match, `a reset link in:\n${mail.text}`).not.toBeNull();
  return (match as RegExpExecArray)[1] as string;
}

async function askForLink(page: Page, email: string) {
  await page.getByRole("textbox", { name: /Adresse e-mail/ }).fill(email);
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByText(CONFIRMATION(email))).toBeVisible();
}

test("a participant who forgot her password gets a link by email, chooses a new one and logs in with it", async ({
  page,
  browser,
  baseURL,
}) => {
  const outbox = await adminOutbox(baseURL as string);

  // Logged in elsewhere with the old password: that session ends with the reset.
  const elsewhere = await browser.newContext();
  const oldPage = await elsewhere.newPage();
  const oldLogin = new LoginPage(oldPage);
  await oldLogin.open();
  await oldLogin.logIn(PARTICIPANT.email, DEMO_PASSWORD);
  await expect(oldPage.getByRole("button", { name: PARTICIPANT.name })).toBeVisible();

  const login = new LoginPage(page);
  await login.open();
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeVisible();
  await checkpoint(page, "forgot-password-01-ask");
  await askForLink(page, PARTICIPANT.email);
  await checkpoint(page, "forgot-password-02-requested");

  const [mail] = await resetMails(outbox, PARTICIPANT.email, 1);
  const link = await linkIn(outbox, (mail as MailSummary).id);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" })).toBeVisible();
  await page.getByLabel(/^Nouveau mot de passe$/).fill(NEW_PASSWORD);
  await page.getByLabel(/^Confirmer le nouveau mot de passe$/).fill(NEW_PASSWORD);
  await checkpoint(page, "forgot-password-03-new-password");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("Votre mot de passe a été changé : connectez-vous avec le nouveau.")).toBeVisible();
  await checkpoint(page, "forgot-password-04-changed");
  await login.logIn(PARTICIPANT.email, NEW_PASSWORD);
  await expect(page.getByRole("button", { name: PARTICIPANT.name })).toBeVisible();

  // The session opened before the reset is over: a reload leads to the login page.
  await oldPage.reload();
  await expect(oldPage).toHaveURL(/\/login/);
  await expect(oldPage.getByRole("button", { name: "Se connecter" })).toBeVisible();
  await elsewhere.close();

  // The link works once.
  await new AppHeader(page).logOut(PARTICIPANT.name);
  await page.goto(link);
  await page.getByLabel(/^Nouveau mot de passe$/).fill("encore une autre phrase de passe");
  await page.getByLabel(/^Confirmer le nouveau mot de passe$/).fill("encore une autre phrase de passe");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText(/Ce lien n’est plus valable/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Demander un nouveau lien" })).toHaveAttribute("href", "/forgot-password");
  await checkpoint(page, "forgot-password-05-link-used");

  // The "password changed" email went out too.
  await expect
    .poll(async () => (await mailTo(outbox, PARTICIPANT.email)).some((m) => m.template === "password_changed"), { timeout: 20_000 })
    .toBe(true);

  // An unknown address gets the same confirmation, and no email. Jobs run in order: once a later
  // request for a known address has its email, the unknown one's job has run too.
  await page.goto("/forgot-password");
  await askForLink(page, UNKNOWN);
  await page.goto("/forgot-password");
  await askForLink(page, PARTICIPANT.email);
  await resetMails(outbox, PARTICIPANT.email, 2);
  expect(await mailTo(outbox, UNKNOWN)).toEqual([]);

  await outbox.dispose();
});
