/**
 * Pure rules of the HR file import: decoding, header mapping, row validation and classification
 * against the current directory. No database, no HTTP: the service feeds it a snapshot.
 */
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { EXPERIENCE_BANDS, type ExperienceBand, type ImportCounts } from "../../../contracts/people.ts";
import { hasUnstorableCharacter, withoutUnstorableCharacters } from "../../../contracts/text.ts";

export type { ImportCounts } from "../../../contracts/people.ts";

/** A person as the directory stores them (the import's unit of comparison). */
export type PersonRecord = {
  employeeId: string;
  firstName: string;
  lastName: string;
  email: string;
  department: string | null;
  site: string | null;
  jobTitle: string | null;
  managerEmployeeId: string | null;
  hireYear: number | null;
  experienceBand: ExperienceBand | null;
  languages: string[];
  timeZone: string;
  isActive: boolean;
};
export type ImportField = keyof PersonRecord;

/**
 * Accepted headers per field, compared after lower-casing, removing accents and turning spaces,
 * hyphens and apostrophes into "_" (so "Prénom", "prenom" and "PRENOM" are one header).
 * docs/people-import.md documents this table; keep them together.
 */
export const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  employeeId: ["matricule", "employee_id", "id_salarie", "numero_salarie", "employee_number", "id"],
  lastName: ["nom", "last_name", "nom_de_famille", "surname", "family_name"],
  firstName: ["prenom", "first_name", "given_name"],
  email: ["email", "e_mail", "mail", "courriel", "adresse_email", "adresse_e_mail", "email_professionnel", "work_email"],
  department: ["service", "department", "departement", "direction", "team", "equipe"],
  site: ["site", "location", "lieu", "etablissement", "lieu_de_travail"],
  jobTitle: ["poste", "job_title", "fonction", "intitule_du_poste", "title", "emploi"],
  managerEmployeeId: ["matricule_manager", "manager_id", "matricule_responsable", "manager_employee_id", "id_manager"],
  languages: ["langues", "languages", "langue", "langues_parlees", "spoken_languages"],
  hireYear: [
    "annee_embauche",
    "annee_d_embauche",
    "hire_year",
    "date_embauche",
    "date_d_embauche",
    "hire_date",
    "date_entree",
    "start_date",
  ],
  experienceBand: ["anciennete", "tranche_d_experience", "experience", "experience_band", "years_of_experience", "seniority"],
  timeZone: ["fuseau_horaire", "time_zone", "timezone"],
  isActive: ["actif", "active", "is_active", "statut_actif"],
};
export const REQUIRED_FIELDS: readonly ImportField[] = ["employeeId", "lastName", "firstName", "email"];

/** Columns that an HR export may carry and Passerelle must never store (age is a protected ground). */
const SENSITIVE_HEADERS = /(naissance|birth|^age$|^age_|_age$|^dob$|nir|securite_sociale|social_security|salaire|salary)/;

export type RejectionCode =
  | "missingField"
  | "invalidEmail"
  | "duplicateId"
  | "duplicateEmail"
  | "emailTaken"
  | "unknownManager"
  | "managementCycle"
  | "invalidHireYear"
  | "invalidExperienceBand"
  | "unknownLanguage"
  | "invalidTimeZone"
  | "invalidActive"
  | "tooLong"
  | "invalidCharacter";

/** One refused row: where (line of the file, column as named in the file) and why (a message key and its values). */
export type Rejection = { line: number; column: string; code: RejectionCode; params?: Record<string, string | number> };

export type FileProblemCode = "emptyFile" | "missingColumn" | "unreadable" | "unreadableEncoding";
export class ImportFileError extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly params: Record<string, string> = {},
  ) {
    super(code);
    this.name = "ImportFileError";
  }
}

export type ParsedRow = { line: number; values: Partial<Record<ImportField, string>> };
export type ParsedFile = {
  delimiter: string;
  /** The file's header for each mapped field, to name columns in messages. */
  columns: Partial<Record<ImportField, string>>;
  ignoredColumns: string[];
  sensitiveColumns: string[];
  rows: ParsedRow[];
};

/** The line (from 1) of a byte of the file: for "the first unreadable character is on line N". */
const lineAt = (bytes: Uint8Array, offset: number) => String(bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1);

const unreadable = (bytes: Uint8Array, offset: number) => new ImportFileError("unreadableEncoding", { line: lineAt(bytes, offset) });

/**
 * UTF-16 without a BOM, told by its zero bytes: an HR file's header, separators, digits and
 * emails are ASCII, so one byte of most pairs is 0 (the high one: odd offsets in little-endian).
 */
function utf16WithoutBom(bytes: Uint8Array): "utf16le" | "utf16be" | null {
  const pairs = Math.floor(Math.min(bytes.length, 8192) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let k = 0; k < pairs; k++) {
    if (bytes[2 * k] === 0) evenZeros++;
    if (bytes[2 * k + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return "utf16le";
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return "utf16be";
  return null;
}

/** Well-formed multi-byte UTF-8 sequences and the bytes that fit none, in a file that is not valid UTF-8. */
function countUtf8(bytes: Uint8Array): { sequences: number; strays: number; firstStray: number } {
  let sequences = 0;
  let strays = 0;
  let firstStray = -1;
  const isContinuation = (b: number | undefined, low = 0x80, high = 0xbf) => b !== undefined && b >= low && b <= high;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Second-byte bounds exclude overlong forms, surrogates and code points past U+10FFFF.
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    let ok = length > 0 && isContinuation(bytes[i + 1], low, high);
    for (let k = 2; ok && k < length; k++) ok = isContinuation(bytes[i + k]);
    if (ok) {
      sequences++;
      i += length;
    } else {
      strays++;
      if (firstStray === -1) firstStray = i;
      i++;
    }
  }
  return { sequences, strays, firstStray };
}

/**
 * What each byte is in Windows-1252 text of Western Europe: 0 ASCII (or a no-break space: ends a
 * run), 1 letter, 2 symbol, 3 implausible: a control byte but tab and line ends, a byte
 * Windows-1252 leaves undefined (81 8D 8F 90 9D), or one of ‚ ƒ † ‡ ˆ ‰ ‹ ˜ › (next to never in a
 * directory; with the undefined ones, the lead bytes of Japanese kana and many kanji in Shift-JIS).
 */
const CLASS_1252 = (() => {
  const classes = new Uint8Array(256);
  const chars = iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, b) => b)), "win1252");
  const implausible = [0x7f, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x82, 0x83, 0x86, 0x87, 0x88, 0x89, 0x8b, 0x98, 0x9b];
  for (let b = 0; b < 256; b++) {
    if (b < 0x20) classes[b] = b === 0x09 || b === 0x0a || b === 0x0d ? 0 : 3;
    else if (b < 0x80 || b === 0xa0) classes[b] = 0;
    else classes[b] = /\p{L}/u.test(chars[b] as string) ? 1 : 2;
  }
  for (const b of implausible) classes[b] = 3;
  return classes;
})();

/**
 * Where the bytes stop looking like Western European text in Windows-1252, or -1: an implausible
 * byte (above), two non-letter symbols in a row (“‘¾”, “•”” are Shift-JIS kanji read as
 * Windows-1252), or four non-ASCII characters in a row (two CJK characters of a double-byte
 * encoding).
 */
function firstImplausible1252(bytes: Uint8Array): number {
  let run = 0;
  let previous = 0;
  for (let i = 0; i < bytes.length; i++) {
    const kind = CLASS_1252[bytes[i] as number] as number;
    if (kind === 0) {
      run = 0;
      previous = 0;
      continue;
    }
    if (kind === 3 || ++run >= 4 || (kind === 2 && previous === 2)) return i;
    previous = kind;
  }
  return -1;
}

/** UTF-16 that is well formed: an even number of bytes, no half of a surrogate pair (the CSV reader would make it "�"). */
function decodeUtf16(bytes: Uint8Array, encoding: "utf16le" | "utf16be"): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  const broken = bytes.length % 2 === 1 ? text.length : firstLoneSurrogate(text);
  if (broken === -1) return text;
  throw new ImportFileError("unreadableEncoding", { line: String(text.slice(0, broken).split("\n").length) });
}

function firstLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    else return i;
  }
  return -1;
}

/**
 * Decodes an HR export: UTF-8 with or without BOM, UTF-16 with a BOM (Excel's "Unicode text") or
 * without one (told by its zero bytes), else Windows-1252 (Excel's "CSV" on a French Windows).
 * Node's TextDecoder decodes windows-1252 as Latin-1 (œ would be lost), hence iconv-lite.
 * Anything else is refused (ImportFileError "unreadableEncoding", with the line of the first
 * unreadable character) rather than imported as mojibake: Shift-JIS or another Asian encoding, a
 * UTF-8 file with a few Latin-1 bytes in it (mostly UTF-8: read as Windows-1252 every "é" would
 * become "Ã©"), control bytes.
 */
export function decodeHrFile(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    try {
      return utf8.decode(buffer.subarray(3));
    } catch {
      throw unreadable(buffer, 3 + countUtf8(buffer.subarray(3)).firstStray);
    }
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return decodeUtf16(buffer.subarray(2), "utf16le");
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return decodeUtf16(buffer.subarray(2), "utf16be");
  const utf16 = utf16WithoutBom(buffer);
  if (utf16) return decodeUtf16(buffer, utf16);
  try {
    return utf8.decode(buffer);
  } catch {
    const { sequences, strays, firstStray } = countUtf8(buffer);
    // Mostly UTF-8 with a few bytes that are not: reading it all as Windows-1252 would garble every accent.
    if (sequences >= strays) throw unreadable(buffer, firstStray);
    const implausible = firstImplausible1252(buffer);
    if (implausible !== -1) throw unreadable(buffer, implausible);
    return iconv.decode(buffer, "win1252");
  }
}

export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim()
    .replace(/[\s\-'’.]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const FIELD_BY_HEADER = new Map<string, ImportField>(
  (Object.entries(HEADER_ALIASES) as [ImportField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((a) => [a, field] as const),
  ),
);

/** `;`, `,` or tab: whichever the header line has most of, outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, "");
  const counts = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ",";
}

/** A column's name as the preview shows it: characters PostgreSQL cannot store (the summary is jsonb) become "�". */
const shownName = (name: string) => withoutUnstorableCharacters(name, "\uFFFD");

/** Splits the text into rows with their line numbers (the header is line 1) and maps the columns. */
export function parseHrFile(text: string): ParsedFile {
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new ImportFileError("unreadable", { reason: err instanceof Error ? err.message : String(err) });
  }
  const [header, ...data] = records;
  if (!header || data.length === 0) throw new ImportFileError("emptyFile");

  const columns: Partial<Record<ImportField, string>> = {};
  const indexes: [ImportField, number][] = [];
  const ignoredColumns: string[] = [];
  const sensitiveColumns: string[] = [];
  header.record.forEach((name, index) => {
    const key = normaliseHeader(name);
    const field = FIELD_BY_HEADER.get(key);
    if (field && !columns[field]) {
      columns[field] = name;
      indexes.push([field, index]);
    } else if (SENSITIVE_HEADERS.test(key)) sensitiveColumns.push(shownName(name));
    else if (name) ignoredColumns.push(shownName(name));
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columns[field]) throw new ImportFileError("missingColumn", { column: HEADER_ALIASES[field].slice(0, 2).join(" / ") });
  }
  const rows = data
    .filter(({ record }) => record.some((cell) => cell !== ""))
    .map(({ record, info }) => ({
      line: info.lines,
      values: Object.fromEntries(indexes.map(([field, index]) => [field, record[index] ?? ""])) as Partial<Record<ImportField, string>>,
    }));
  return { delimiter, columns, ignoredColumns, sensitiveColumns, rows };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LANGUAGE_NAMES: Record<string, string> = {
  francais: "fr",
  french: "fr",
  anglais: "en",
  english: "en",
  espagnol: "es",
  spanish: "es",
  allemand: "de",
  german: "de",
  italien: "it",
  italian: "it",
  portugais: "pt",
  portuguese: "pt",
  arabe: "ar",
  arabic: "ar",
  neerlandais: "nl",
  dutch: "nl",
  chinois: "zh",
  chinese: "zh",
  japonais: "ja",
  japanese: "ja",
  russe: "ru",
  russian: "ru",
  polonais: "pl",
  polish: "pl",
  roumain: "ro",
  romanian: "ro",
  turc: "tr",
  turkish: "tr",
  vietnamien: "vi",
  vietnamese: "vi",
  hindi: "hi",
};
const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });
const TIME_ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
const TRUE_VALUES = new Set(["oui", "o", "yes", "y", "true", "vrai", "1", "actif", "active", "x"]);
const FALSE_VALUES = new Set(["non", "n", "no", "false", "faux", "0", "inactif", "inactive"]);
const MAX_TEXT = 200;

function plain(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
}

/** "Anglais, français" → ["en", "fr"]; unknown names are returned as `unknown`. */
export function parseLanguages(value: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of value
    .split(/[,;/|+]+|\s+et\s+|\s+and\s+|\s+/)
    .map(plain)
    .filter(Boolean)) {
    const code = LANGUAGE_NAMES[part] ?? (/^[a-z]{2}$/.test(part) && languageNames.of(part) !== part ? part : undefined);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(part);
  }
  return { codes, unknown };
}

/** "2015", "12/03/2015", "2015-03-12" → 2015. */
export function parseHireYear(value: string, currentYear: number): number | undefined {
  const match = value.match(/(?:^|\D)(\d{4})(?:\D|$)/);
  const year = match ? Number(match[1]) : Number.NaN;
  return year >= 1950 && year <= currentYear + 1 ? year : undefined;
}

/** "3-5", "3 à 5 ans", "20 ans et plus", "20+" → a band. */
export function parseExperienceBand(value: string): ExperienceBand | undefined {
  const compact = plain(value)
    .replace(/\s*\b(ans|an|years|year|yrs)\b/g, "")
    .replace(/\s*(et plus|and more|or more)/g, "+")
    .replace(/\s+(a|to)\s+|\s*[-–—]\s*/g, "-")
    .replace(/\s+/g, "");
  return (EXPERIENCE_BANDS as readonly string[]).includes(compact) ? (compact as ExperienceBand) : undefined;
}

const clean = (value: string | undefined) => (value ?? "").replace(/\s+/g, " ").trim();

export type Snapshot = Map<string, PersonRecord>;

export type ValidationResult = { records: PersonRecord[]; rejected: Rejection[]; counts: ImportCounts };

/**
 * Validates every row against the rules and the directory as it would be after the import, and
 * classifies the valid ones (new, updated, unchanged; with full sync, who would be deactivated).
 * Columns absent from the file keep the directory's value for existing people.
 */
export function validateImport(
  file: ParsedFile,
  snapshot: Snapshot,
  options: { isFullSync: boolean; currentYear: number },
): ValidationResult {
  const rejected: Rejection[] = [];
  const column = (field: ImportField) => file.columns[field] ?? field;
  const reject = (line: number, field: ImportField, code: RejectionCode, params?: Rejection["params"]) => {
    rejected.push(params ? { line, column: column(field), code, params } : { line, column: column(field), code });
  };

  // First occurrence of each employee id wins; later ones are rejected as duplicates.
  const firstLineById = new Map<string, number>();
  const candidates: { line: number; record: PersonRecord }[] = [];
  for (const { line, values } of file.rows) {
    const employeeId = clean(values.employeeId);
    const existing = snapshot.get(employeeId);
    // A character PostgreSQL cannot store (U+0000, a lone surrogate): the row stops there, and the value is not echoed.
    const unstorable = (Object.keys(values) as ImportField[]).filter((field) => hasUnstorableCharacter(values[field] ?? ""));
    if (unstorable.length) {
      for (const field of unstorable) reject(line, field, "invalidCharacter");
      continue;
    }
    let isValid = true;
    for (const field of REQUIRED_FIELDS) {
      if (!clean(values[field])) {
        reject(line, field, "missingField");
        isValid = false;
      }
    }
    for (const field of Object.keys(values) as ImportField[]) {
      if (clean(values[field]).length > MAX_TEXT) {
        reject(line, field, "tooLong", { max: MAX_TEXT });
        isValid = false;
      }
    }
    if (!isValid) continue;
    if (firstLineById.has(employeeId)) {
      reject(line, "employeeId", "duplicateId", { employeeId, firstLine: firstLineById.get(employeeId) as number });
      continue;
    }
    firstLineById.set(employeeId, line);

    const email = clean(values.email).toLowerCase();
    if (!EMAIL.test(email)) {
      reject(line, "email", "invalidEmail", { value: clean(values.email) });
      isValid = false;
    }
    const text = (field: "department" | "site" | "jobTitle" | "managerEmployeeId") =>
      values[field] === undefined ? (existing?.[field] ?? null) : clean(values[field]) || null;

    let hireYear = existing?.hireYear ?? null;
    if (values.hireYear !== undefined) {
      const raw = clean(values.hireYear);
      const parsed = raw ? parseHireYear(raw, options.currentYear) : null;
      if (parsed === undefined) {
        reject(line, "hireYear", "invalidHireYear", { value: raw });
        isValid = false;
      } else hireYear = parsed;
    }
    let experienceBand = existing?.experienceBand ?? null;
    if (values.experienceBand !== undefined) {
      const raw = clean(values.experienceBand);
      const parsed = raw ? parseExperienceBand(raw) : null;
      if (parsed === undefined) {
        reject(line, "experienceBand", "invalidExperienceBand", { value: raw, allowed: EXPERIENCE_BANDS.join(", ") });
        isValid = false;
      } else experienceBand = parsed;
    }
    let languages = existing?.languages ?? ["fr"];
    if (values.languages !== undefined && clean(values.languages)) {
      const parsed = parseLanguages(values.languages);
      if (parsed.unknown.length) {
        reject(line, "languages", "unknownLanguage", { value: parsed.unknown.join(", ") });
        isValid = false;
      } else languages = parsed.codes;
    }
    let timeZone = existing?.timeZone ?? "Europe/Paris";
    if (values.timeZone !== undefined && clean(values.timeZone)) {
      timeZone = clean(values.timeZone);
      if (!TIME_ZONES.has(timeZone)) {
        reject(line, "timeZone", "invalidTimeZone", { value: timeZone });
        isValid = false;
      }
    }
    let isActive = true;
    if (values.isActive !== undefined && clean(values.isActive)) {
      const raw = plain(values.isActive);
      if (TRUE_VALUES.has(raw)) isActive = true;
      else if (FALSE_VALUES.has(raw)) isActive = false;
      else {
        reject(line, "isActive", "invalidActive", { value: clean(values.isActive) });
        isValid = false;
      }
    }
    if (!isValid) continue;
    candidates.push({
      line,
      record: {
        employeeId,
        firstName: clean(values.firstName),
        lastName: clean(values.lastName),
        email,
        department: text("department"),
        site: text("site"),
        jobTitle: text("jobTitle"),
        managerEmployeeId: text("managerEmployeeId"),
        hireYear,
        experienceBand,
        languages,
        timeZone,
        isActive,
      },
    });
  }

  // Emails stay unique in the directory: people absent from the file keep theirs.
  const emailOwner = new Map<string, string>();
  for (const person of snapshot.values()) if (!firstLineById.has(person.employeeId)) emailOwner.set(person.email, person.employeeId);
  const firstLineByEmail = new Map<string, number>();
  const kept: typeof candidates = [];
  for (const candidate of candidates) {
    const { email, employeeId } = candidate.record;
    const owner = emailOwner.get(email);
    if (firstLineByEmail.has(email))
      reject(candidate.line, "email", "duplicateEmail", { value: email, firstLine: firstLineByEmail.get(email) as number });
    else if (owner !== undefined && owner !== employeeId)
      reject(candidate.line, "email", "emailTaken", { value: email, employeeId: owner });
    else {
      firstLineByEmail.set(email, candidate.line);
      kept.push(candidate);
    }
  }

  // Managers must exist after the import (with full sync, people missing from the file leave), and no chain may loop.
  const managerOf = new Map<string, string | null>();
  if (!options.isFullSync) for (const person of snapshot.values()) managerOf.set(person.employeeId, person.managerEmployeeId);
  for (const id of firstLineById.keys()) if (!managerOf.has(id)) managerOf.set(id, null);
  for (const { record } of kept) managerOf.set(record.employeeId, record.managerEmployeeId);

  const inCycle = findCycles(managerOf);
  const records: PersonRecord[] = [];
  for (const { line, record } of kept) {
    const manager = record.managerEmployeeId;
    if (manager !== null && !managerOf.has(manager)) {
      reject(line, "managerEmployeeId", "unknownManager", { value: manager });
    } else if (inCycle.has(record.employeeId)) {
      reject(line, "managerEmployeeId", "managementCycle", { chain: inCycle.get(record.employeeId) as string });
    } else records.push(record);
  }

  rejected.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, deactivated: 0 };
  for (const record of records) {
    const existing = snapshot.get(record.employeeId);
    if (!existing) counts.created++;
    else if (isSamePerson(existing, record)) counts.unchanged++;
    else counts.updated++;
  }
  if (options.isFullSync) {
    for (const person of snapshot.values()) if (person.isActive && !firstLineById.has(person.employeeId)) counts.deactivated++;
  }
  return { records, rejected, counts };
}

export function isSamePerson(a: PersonRecord, b: PersonRecord): boolean {
  return (Object.keys(a) as ImportField[]).every((field) =>
    field === "languages" ? a.languages.join(",") === b.languages.join(",") : a[field] === b[field],
  );
}

/** Every employee on a management loop, with the loop as "E1 → E2 → E1" (iterative: chains can be long). */
export function findCycles(managerOf: Map<string, string | null>): Map<string, string> {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  const result = new Map<string, string>();
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let node: string | null | undefined = start;
    while (node !== null && node !== undefined && managerOf.has(node) && !state.has(node)) {
      state.set(node, 1);
      path.push(node);
      node = managerOf.get(node);
    }
    if (node !== null && node !== undefined && state.get(node) === 1) {
      const loop = path.slice(path.indexOf(node));
      const chain = [...loop, node].join(" → ");
      for (const member of loop) result.set(member, chain);
    }
    for (const member of path) state.set(member, 2);
  }
  return result;
}
