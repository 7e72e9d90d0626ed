/**
 * Generates a realistic HR export (French headers, accented names, a management tree) of any
 * size, deterministically: for tests, the import benchmark and trying the import by hand.
 */
const FIRST_NAMES = [
  "Hélène",
  "François",
  "Noémie",
  "Gaël",
  "Cécile",
  "Jérôme",
  "Zoé",
  "Loïc",
  "Maëlle",
  "Benoît",
  "Inès",
  "Théo",
  "Chloé",
  "Raphaël",
  "Léa",
  "Mathéo",
  "Anaïs",
  "Stéphane",
  "Aurélie",
  "Joël",
];
const LAST_NAMES = [
  "Lœuillet",
  "Cœurdacier",
  "Français",
  "Garçon",
  "Lefèvre",
  "Bérénger",
  "Moreau",
  "Nguyen",
  "Benaïssa",
  "Da Silva",
  "Le Goff",
  "Dupré",
  "Mercier",
  "Rousseau",
  "Faure",
  "Chevalier",
  "Gauthier",
  "Œhmichen",
  "Perrin",
  "Barbier",
];
const DEPARTMENTS = [
  "Direction générale",
  "Ressources humaines",
  "Finance",
  "Systèmes d'information",
  "Marketing et communication",
  "Ventes",
  "Production",
  "Logistique",
];
const SITES = ["Lyon (siège)", "Paris", "Nantes", "Lille", "Toulouse"];
const TITLES = [
  "Chargée de mission",
  "Contrôleur de gestion",
  "Développeur",
  "Responsable d'équipe",
  "Technicienne",
  "Commercial",
  "Analyste données",
  "Acheteuse",
];

export const HR_FILE_HEADER = [
  "Matricule",
  "Nom",
  "Prénom",
  "Email",
  "Service",
  "Site",
  "Poste",
  "Matricule manager",
  "Langues",
  "Année d'embauche",
];

/** Employee id of the n-th person (0-based). */
export const employeeIdOf = (n: number) => `M${String(n + 1).padStart(6, "0")}`;

/**
 * Rows of a company of `count` people: person 0 is the head; each other person reports to one of
 * the first people (a tree about six levels deep at 100,000). `variant` changes job titles, to
 * simulate the next month's export.
 */
export function generateHrRows(count: number, variant = 0): string[][] {
  const rows: string[][] = [];
  for (let n = 0; n < count; n++) {
    const first = FIRST_NAMES[n % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length] as string;
    const manager = n === 0 ? "" : employeeIdOf(Math.floor((n - 1) / 8));
    const email = `${first}.${last}.${n}`
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .replace(/œ/g, "oe")
      .replace(/Œ/g, "Oe")
      .replace(/[\s']/g, "-")
      .toLowerCase();
    rows.push([
      employeeIdOf(n),
      last,
      first,
      `${email}@exemple.fr`,
      DEPARTMENTS[n % DEPARTMENTS.length] as string,
      SITES[n % SITES.length] as string,
      TITLES[(n + variant) % TITLES.length] as string,
      manager,
      n % 3 === 0 ? "français, anglais" : "fr",
      String(1990 + (n % 36)),
    ]);
  }
  return rows;
}

/** The rows as CSV text with the given separator, quoting cells that need it. */
export function toCsv(rows: string[][], delimiter = ";", header = HR_FILE_HEADER): string {
  const cell = (value: string) => (/["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${[header, ...rows].map((row) => row.map(cell).join(delimiter)).join("\r\n")}\r\n`;
}
