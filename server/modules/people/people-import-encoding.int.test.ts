/**
 * The import's preview, through the API, of files it cannot or must not read as they are: an
 * encoding that is none of UTF-8, UTF-16 and Windows-1252, and cells PostgreSQL cannot store.
 */
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";

let ctx: TestContext;
let hr: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  await createUser(ctx, { email: "rh@exemple.fr", roles: ["manager"], locale: "fr" });
  hr = new TestClient(ctx.app);
  await hr.login("rh@exemple.fr");
});
afterAll(() => ctx.close());

const upload = (client: TestClient, bytes: Buffer) =>
  client.request("POST", "/api/people/imports?fileName=export.csv", bytes, { headers: { "content-type": "text/csv" } });

describe("a file the import cannot read", () => {
  const shiftJis = iconv.encode("employee_id;last_name;first_name;email\nJ1;山田;太郎;taro@x.jp\nJ2;鈴木;花子;hanako@x.jp\n", "Shift_JIS");

  it("is refused with what to do, in French, not imported as mojibake", async () => {
    const response = await upload(hr, shiftJis);
    const message =
      "Ce fichier n’est ni en UTF-8, ni en UTF-16, ni en Windows-1252 (premier caractère illisible à la ligne 2) : dans Excel, enregistrez-le au format « CSV UTF-8 ».";
    expect([response.statusCode, response.json()]).toEqual([
      400,
      { error: { code: "IMPORT_FILE_INVALID", message, details: [{ path: "file", message }] } },
    ]);
  });

  it("is refused in English for an English-speaking manager", async () => {
    await createUser(ctx, { email: "hr@example.com", roles: ["manager"], locale: "en" });
    const english = new TestClient(ctx.app);
    await english.login("hr@example.com");
    const response = await upload(english, shiftJis);
    expect(response.json().error.message).toBe(
      "This file is not UTF-8, UTF-16 or Windows-1252 (first unreadable character on line 2): in Excel, save it as “CSV UTF-8”.",
    );
  });

  it("reads a UTF-16 file without a BOM", async () => {
    const response = await upload(hr, iconv.encode("Matricule;Nom;Prénom;Email\nE1;Lœuillet;François;f@x.fr\n", "utf16le"));
    expect(response.statusCode).toBe(201);
    expect(response.json().summary).toMatchObject({ totalRows: 1, rejectedCount: 0, counts: { created: 1 } });
  });
});

describe("a cell with a character PostgreSQL cannot store", () => {
  it("is refused by line and column in the preview, not a 500", async () => {
    const csv = Buffer.from("Matricule;Nom;Prénom;Email;Note\u0000s\nE1;Du\u0000pont;Léa;l@x.fr;x\nE2;Martin;Jo;j@x.fr;y\n", "utf8");
    const response = await upload(hr, csv);
    expect(response.statusCode).toBe(201);
    expect(response.json().summary).toMatchObject({
      rejectedCount: 1,
      rejected: [
        {
          line: 2,
          column: "Nom",
          code: "invalidCharacter",
          reason:
            "Cette cellule contient un caractère qui ne peut pas être enregistré (un caractère nul, U+0000) : corrigez-la dans le fichier.",
        },
      ],
      ignoredColumns: ["Note\uFFFDs"],
    });
  });
});
