import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { generateHrRows, toCsv } from "./hr-file-generator.ts";
import {
  decodeHrFile,
  detectDelimiter,
  findCycles,
  ImportFileError,
  type PersonRecord,
  parseExperienceBand,
  parseHireYear,
  parseHrFile,
  parseLanguages,
  validateImport,
} from "./people-import.domain.ts";

const options = { isFullSync: false, currentYear: 2026 };
const person = (employeeId: string, managerEmployeeId: string | null = null): PersonRecord => ({
  employeeId,
  firstName: "Prénom",
  lastName: employeeId,
  email: `${employeeId.toLowerCase()}@exemple.fr`,
  department: null,
  site: null,
  jobTitle: null,
  managerEmployeeId,
  hireYear: null,
  experienceBand: null,
  languages: ["fr"],
  timeZone: "Europe/Paris",
  isActive: true,
});

describe("reading an HR file", () => {
  it("decodes UTF-8 with and without BOM, UTF-16 and Windows-1252 to the same text", () => {
    const text = "Matricule;Nom;Prénom;Email\nE1;Lœuillet;François;f@x.fr\n";
    const utf8 = Buffer.from(text, "utf8");
    expect(decodeHrFile(utf8)).toBe(text);
    expect(decodeHrFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toBe(text);
    expect(decodeHrFile(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]))).toBe(text);
    expect(decodeHrFile(iconv.encode(text, "win1252"))).toBe(text);
  });

  it("detects the separator from the header line", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter('a,"b;c",d\n')).toBe(",");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
  });

  it("maps French and English headers whatever their case and accents, and sets aside unknown and sensitive columns", () => {
    const file = parseHrFile(
      "MATRICULE,Last name,Prénom,Courriel,Date de naissance,Couleur préférée\nE1,Dupont,Léa,l@x.fr,01/02/1990,bleu\n",
    );
    expect(file.columns).toEqual({ employeeId: "MATRICULE", lastName: "Last name", firstName: "Prénom", email: "Courriel" });
    expect(file.sensitiveColumns).toEqual(["Date de naissance"]);
    expect(file.ignoredColumns).toEqual(["Couleur préférée"]);
    expect(file.rows).toEqual([{ line: 2, values: { employeeId: "E1", lastName: "Dupont", firstName: "Léa", email: "l@x.fr" } }]);
  });

  it("refuses a file without a required column or without data", () => {
    expect(() => parseHrFile("Matricule;Nom;Email\nE1;Dupont;d@x.fr\n")).toThrow("missingColumn");
    expect(() => parseHrFile("Matricule;Nom;Prénom;Email\n")).toThrow("emptyFile");
  });

  it("counts lines as a spreadsheet does, blank lines and quoted line breaks included", () => {
    const file = parseHrFile('Matricule;Nom;Prénom;Email;Poste\nE1;A;B;a@x.fr;"Chef\nde projet"\n\nE2;C;D;c@x.fr;X\n');
    expect(file.rows.map((r) => r.line)).toEqual([3, 5]);
  });
});

/** The ImportFileError a call throws (code and params), or null. */
function fileError(run: () => unknown): { code: string; params: Record<string, string> } | null {
  try {
    run();
    return null;
  } catch (err) {
    if (err instanceof ImportFileError) return { code: err.code, params: err.params };
    throw err;
  }
}

describe("a file in an encoding the import cannot read", () => {
  const header = "employee_id;last_name;first_name;email;department\n";

  it("refuses Shift-JIS (read as Windows-1252 it would import mojibake names), naming the first unreadable line", () => {
    const bytes = iconv.encode(`${header}J1;山田;太郎;taro@x.jp;営業部\nJ2;鈴木;花子;hanako@x.jp;人事部\n`, "Shift_JIS");
    expect(fileError(() => decodeHrFile(bytes))).toEqual({ code: "unreadableEncoding", params: { line: "2" } });
  });

  it.each([
    ["family names only", ["山田", "鈴木", "高橋", "田中", "伊藤", "渡辺"]],
    ["departments", ["営業部", "人事部", "経理部", "開発部", "総務"]],
    ["katakana job titles", ["エンジニア", "マネージャー", "デザイナー"]],
    ["hiragana first names", ["さくら", "ゆうき", "ひろし"]],
  ])("refuses Shift-JIS %s", (_label, names) => {
    const rows = names.map((name, k) => `J${k};${name};X;j${k}@x.jp;Tokyo\n`).join("");
    expect(fileError(() => decodeHrFile(iconv.encode(header + rows, "Shift_JIS")))?.code).toBe("unreadableEncoding");
  });

  it("refuses a UTF-8 file with one Latin-1 byte in it instead of reading all of it as Windows-1252 (“FranÃ§ois”)", () => {
    const utf8 = Buffer.from(`${header}E1;Lœuillet;François;f@x.fr;Ventes\nE2;Müller;Jérôme;j@x.fr;Achats\n`, "utf8");
    const at = utf8.indexOf(Buffer.from("Jérôme", "utf8")) + 1;
    const mixed = Buffer.concat([utf8.subarray(0, at), Buffer.from([0xe9]), utf8.subarray(at + 2)]);
    expect(fileError(() => decodeHrFile(mixed))).toEqual({ code: "unreadableEncoding", params: { line: "3" } });
  });

  it("refuses control bytes and bytes Windows-1252 leaves undefined, in a file that is not UTF-8", () => {
    const latin = (text: string) => iconv.encode(text, "win1252");
    const withByte = (byte: number) => Buffer.concat([latin(`${header}E1;Dupré;Léa;l@x.fr;`), Buffer.from([byte]), latin("\n")]);
    for (const byte of [0x00, 0x01, 0x1b, 0x7f, 0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      expect(
        fileError(() => decodeHrFile(withByte(byte))),
        `byte ${byte.toString(16)}`,
      ).toEqual({
        code: "unreadableEncoding",
        params: { line: "2" },
      });
    }
  });

  it("refuses a file with a UTF-8 BOM that is not UTF-8 after it", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(`${header}E1;Dupré;Léa;l@x.fr;\n`, "win1252")]);
    expect(fileError(() => decodeHrFile(bytes))).toEqual({ code: "unreadableEncoding", params: { line: "2" } });
  });

  it("reads UTF-16 without a BOM, little- or big-endian, from the pattern of its zero bytes", () => {
    const text = `${header}E1;Lœuillet;François;f@x.fr;Ventes\nJ1;山田;太郎;taro@x.jp;営業部\n`;
    expect(decodeHrFile(iconv.encode(text, "utf16le"))).toBe(text);
    expect(decodeHrFile(iconv.encode(text, "utf16be"))).toBe(text);
  });

  it("still reads real Windows-1252 text of Western Europe", () => {
    const text =
      `${header}E1;Lœuillet;François;f@x.fr;Société Générale\nE2;Müller;Jürgen;j@x.fr;Straße „Nord“\n` +
      "E3;Núñez;Señora;n@x.fr;¿Qué? ¡Olé!\nE4;Šimon Žák;Øystein;s@x.fr;Ærø – Åsa\n" +
      "E5;d’Évry;Hélène;h@x.fr;« CAFÉ\u00a0» 12 € … N°5 2°C ½ ™ •\nE6;créée;ÉTÉ;e@x.fr;l’Élysée qu’à\n";
    expect(decodeHrFile(iconv.encode(text, "win1252"))).toBe(text);
  });
});

describe("a character PostgreSQL cannot store", () => {
  it("refuses the cell by line and column, without echoing it", () => {
    const file = parseHrFile(
      "Matricule;Nom;Prénom;Email;Poste\nE1;Du\u0000pont;Léa;l@x.fr;A\nE2;Martin;Jo;j@x.fr;B\nE\u00003;X;\u0000;y@x.fr;C\n",
    );
    const result = validateImport(file, new Map(), options);
    expect(result.rejected).toEqual([
      { line: 2, column: "Nom", code: "invalidCharacter" },
      { line: 4, column: "Matricule", code: "invalidCharacter" },
      { line: 4, column: "Prénom", code: "invalidCharacter" },
    ]);
    expect(result.records.map((r) => r.employeeId)).toEqual(["E2"]);
  });

  it("refuses a UTF-16 file with half a surrogate pair (the CSV reader would silently turn it into �)", () => {
    const text = "Matricule;Nom;Prénom;Email\nE1;Dupont;Léa;l@x.fr\nE2;Martin;Jo\uD83D;j@x.fr\n";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(fileError(() => decodeHrFile(bytes))).toEqual({ code: "unreadableEncoding", params: { line: "3" } });
    expect(fileError(() => decodeHrFile(Buffer.from(text, "utf16le")))).toEqual({ code: "unreadableEncoding", params: { line: "3" } });
  });

  it("is replaced by � in the names of ignored columns shown in the preview", () => {
    const file = parseHrFile("Matricule;Nom;Prénom;Email;Note\u0000s;Date de naissance\u0000\nE1;Dupont;Léa;l@x.fr;x;y\n");
    expect([file.ignoredColumns, file.sensitiveColumns]).toEqual([["Note\uFFFDs"], ["Date de naissance\uFFFD"]]);
  });
});

describe("field formats", () => {
  it.each([
    ["fr", ["fr"]],
    ["Français, anglais", ["fr", "en"]],
    ["FR/EN/es", ["fr", "en", "es"]],
    ["english and german", ["en", "de"]],
  ])("languages %j", (input, codes) => {
    expect(parseLanguages(input)).toEqual({ codes, unknown: [] });
  });

  it("flags unknown languages", () => {
    expect(parseLanguages("fr, klingon").unknown).toEqual(["klingon"]);
  });

  it("reads a hire year from a year or a date, within sensible bounds", () => {
    expect(parseHireYear("2015", 2026)).toBe(2015);
    expect(parseHireYear("12/03/2015", 2026)).toBe(2015);
    expect(parseHireYear("2015-03-12", 2026)).toBe(2015);
    expect(parseHireYear("1890", 2026)).toBeUndefined();
    expect(parseHireYear("2030", 2026)).toBeUndefined();
    expect(parseHireYear("bientôt", 2026)).toBeUndefined();
  });

  it("reads experience bands written in several ways", () => {
    expect(parseExperienceBand("3-5")).toBe("3-5");
    expect(parseExperienceBand("3 à 5 ans")).toBe("3-5");
    expect(parseExperienceBand("20 ans et plus")).toBe("20+");
    expect(parseExperienceBand("beaucoup")).toBeUndefined();
  });
});

describe("validation against the directory", () => {
  it("rejects exactly the bad rows with their line, column and reason", () => {
    const rows = generateHrRows(10);
    rows[2] = [...(rows[2] as string[])];
    (rows[2] as string[])[3] = "pas-un-email";
    (rows[5] as string[])[7] = "X999";
    rows.push([...(rows[7] as string[]).slice(0, 3), "autre@exemple.fr", ...(rows[7] as string[]).slice(4)]);
    const result = validateImport(parseHrFile(toCsv(rows)), new Map(), options);
    expect(result.rejected).toEqual([
      { line: 4, column: "Email", code: "invalidEmail", params: { value: "pas-un-email" } },
      { line: 7, column: "Matricule manager", code: "unknownManager", params: { value: "X999" } },
      { line: 12, column: "Matricule", code: "duplicateId", params: { employeeId: "M000008", firstLine: 9 } },
    ]);
  });

  it("detects loops in the management chain", () => {
    const text = toCsv([
      ["A", "Nom", "Prénom", "a@x.fr", "", "", "", "C", "fr", "2020"],
      ["B", "Nom", "Prénom", "b@x.fr", "", "", "", "A", "fr", "2020"],
      ["C", "Nom", "Prénom", "c@x.fr", "", "", "", "B", "fr", "2020"],
      ["D", "Nom", "Prénom", "d@x.fr", "", "", "", "D", "fr", "2020"],
      ["E", "Nom", "Prénom", "e@x.fr", "", "", "", "A", "fr", "2020"],
    ]);
    const result = validateImport(parseHrFile(text), new Map(), options);
    expect(result.rejected.map((r) => [r.line, r.code])).toEqual([
      [2, "managementCycle"],
      [3, "managementCycle"],
      [4, "managementCycle"],
      [5, "managementCycle"],
    ]);
    expect(result.rejected[0]?.params?.chain).toBe("A → C → B → A");
  });

  it("finds cycles iteratively on very long chains", () => {
    const managerOf = new Map<string, string | null>();
    for (let i = 0; i < 200_000; i++) managerOf.set(`E${i}`, i === 0 ? null : `E${i - 1}`);
    expect(findCycles(managerOf).size).toBe(0);
    managerOf.set("E0", "E199999");
    expect(findCycles(managerOf).size).toBe(200_000);
  });

  it("classifies rows as new, updated or unchanged, keeps columns absent from the file, and counts full-sync departures", () => {
    const snapshot = new Map([
      ["E1", { ...person("E1"), jobTitle: "Directrice", languages: ["fr", "en"] }],
      ["E2", person("E2", "E1")],
      ["E3", person("E3", "E1")],
    ]);
    const text =
      "Matricule;Nom;Prénom;Email;Matricule manager\nE1;E1;Prénom;e1@exemple.fr;\nE2;Autre nom;Prénom;e2@exemple.fr;E1\nE4;E4;Prénom;e4@exemple.fr;E2\n";
    const result = validateImport(parseHrFile(text), snapshot, { isFullSync: true, currentYear: 2026 });
    expect(result.rejected).toEqual([]);
    expect(result.counts).toEqual({ created: 1, updated: 1, unchanged: 1, deactivated: 1 });
    expect(result.records[0]).toMatchObject({ jobTitle: "Directrice", languages: ["fr", "en"] });
  });

  it("refuses an email that belongs to someone else, and a manager who leaves with full sync", () => {
    const snapshot = new Map([["E1", person("E1")]]);
    const taken = validateImport(parseHrFile("Matricule;Nom;Prénom;Email\nE2;N;P;e1@exemple.fr\n"), snapshot, options);
    expect(taken.rejected[0]).toMatchObject({ line: 2, column: "Email", code: "emailTaken", params: { employeeId: "E1" } });
    const leaving = validateImport(parseHrFile("Matricule;Nom;Prénom;Email;Manager ID\nE2;N;P;e2@exemple.fr;E1\n"), snapshot, {
      ...options,
      isFullSync: true,
    });
    expect(leaving.rejected[0]).toMatchObject({ code: "unknownManager" });
  });
});
