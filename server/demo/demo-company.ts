/**
 * Fictitious demo company used to seed Passerelle for demonstrations and tests.
 *
 * The data is hand-written rather than generated: a reverse-mentoring demo is
 * only convincing if titles, departments, tenures and reporting lines agree
 * with each other, which random generation does badly. Hand-written rows are
 * also deterministic by construction (no PRNG, no clock).
 *
 * Legal constraint: no date of birth and no age appear anywhere; seniority is
 * conveyed only through `hireYear`.
 */

/** One employee of the demo company. */
export type DemoPerson = {
  /** Stable identifier, e.g. "E00001"; unique. */
  employeeId: string;
  firstName: string;
  lastName: string;
  /** firstname.lastname@DEMO_DOMAIN in lowercase ASCII; unique. */
  email: string;
  /** French department name, e.g. "Ressources humaines". */
  department: string;
  /** Site name, e.g. "Lyon (siège)". */
  site: string;
  /** French job title, feminine form for women. */
  jobTitle: string;
  /** Direct manager; null only for the CEO (root of the tree). */
  managerEmployeeId: string | null;
  /** Year of hire, the only seniority signal. */
  hireYear: number;
  /** ISO 639-1 codes; always contains "fr". */
  languages: string[];
  /** IANA time zone. */
  timeZone: string;
};

/**
 * A ready-made login for the demo, pointing at one person: the named ones (admin, HR manager, juniors,
 * seniors) listed here, and the other participants' ("participant"), opened by the seed.
 */
export type DemoAccount = {
  employeeId: string;
  roles: ("admin" | "manager" | "participant")[];
  label: "admin" | "hr-manager" | "junior" | "senior" | "participant";
};

/** Email domain of the demo company (fictitious, never routed). */
export const DEMO_DOMAIN: string = "demo.passerelle.fr";

/**
 * Name of the demo company: a fictitious family-owned Lyon group that designs,
 * makes (Nantes plant) and sells small kitchen appliances.
 */
export const DEMO_COMPANY_NAME: string = "Maison Verdier";

// Constants rather than string literals in every row so a typo cannot
// silently create an extra department or site.
const DG = "Direction générale";
const RH = "Ressources humaines";
const FIN = "Finance";
const MKT = "Marketing et communication";
const VEN = "Ventes";
const SI = "Systèmes d'information";
const PROD = "Production";
const LOG = "Logistique";
const JUR = "Juridique";
const SC = "Service client";

const LYON = "Lyon (siège)";
const PARIS = "Paris";
const NANTES = "Nantes";
const LILLE = "Lille";
const TOULOUSE = "Toulouse";
const MONTREAL = "Montréal";

const PARIS_TZ = "Europe/Paris";
// "America/Montreal" is only a deprecated alias in the IANA database;
// Intl.supportedValuesOf("timeZone") lists the canonical "America/Toronto",
// so using it keeps the value valid for any strict time-zone validation.
const MONTREAL_TZ = "America/Toronto";

/**
 * [key, firstName, lastName, department, site, jobTitle, managerKey, hireYear, languages]
 * Keys are local mnemonics so reporting lines stay readable; employee ids are
 * assigned from row order, so the CEO must stay first.
 */
type Row = readonly [
  key: string,
  firstName: string,
  lastName: string,
  department: string,
  site: string,
  jobTitle: string,
  managerKey: string | null,
  hireYear: number,
  languages: string,
];

const ROWS: readonly Row[] = [
  // Direction générale: the founder's granddaughter heads the family group.
  ["ceo", "Hélène", "Verdier", DG, LYON, "Présidente-directrice générale", null, 1988, "fr en it"],
  ["assdg", "Nathalie", "Bonnet", DG, LYON, "Assistante de direction", "ceo", 2004, "fr"],
  ["rse", "Gaël", "Le Goff", DG, LYON, "Chargé de mission RSE", "ceo", 2019, "fr en"],

  // Ressources humaines
  ["drh", "Isabelle", "Lœuillet", RH, LYON, "Directrice des ressources humaines", "ceo", 1998, "fr en"],
  ["hrm", "Karima", "Benaïssa", RH, LYON, "Responsable formation et développement des talents", "drh", 2012, "fr en ar"],
  ["paie", "Thomas", "Girard", RH, LYON, "Responsable paie et administration du personnel", "drh", 2008, "fr"],
  ["gpaie", "Léa", "Fournier", RH, LYON, "Gestionnaire paie", "paie", 2020, "fr"],
  ["recru", "Maxime", "Roux", RH, LYON, "Chargé de recrutement", "drh", 2021, "fr"],
  ["devrh", "Amandine", "Perrin", RH, LYON, "Chargée de développement RH", "hrm", 2022, "fr en es"],
  ["altrh", "Jade", "Moulin", RH, LYON, "Alternante ressources humaines", "hrm", 2025, "fr"],
  ["rhnts", "Solène", "Le Gall", RH, NANTES, "Chargée RH de site", "drh", 2016, "fr"],

  // Finance
  ["daf", "Philippe", "Garnier", FIN, LYON, "Directeur administratif et financier", "ceo", 1996, "fr en"],
  ["rcg", "Sophie", "Lambert", FIN, LYON, "Responsable contrôle de gestion", "daf", 2006, "fr en"],
  ["cdg", "Julien", "Faure", FIN, LYON, "Contrôleur de gestion", "rcg", 2016, "fr"],
  ["data", "Inès", "Haddad", FIN, LYON, "Data analyst", "rcg", 2024, "fr en ar"],
  ["ccpt", "Patrick", "Mercier", FIN, LYON, "Chef comptable", "daf", 2001, "fr"],
  ["cfour", "Véronique", "Blanc", FIN, LYON, "Comptable fournisseurs", "ccpt", 2010, "fr"],
  ["ccli", "Yannick", "Le Bihan", FIN, LYON, "Comptable clients", "ccpt", 2018, "fr"],
  ["treso", "Marie-Claire", "Dupuis", FIN, LYON, "Trésorière", "daf", 2013, "fr en de"],

  // Juridique
  ["dj", "Anne-Sophie", "Delcourt", JUR, LYON, "Directrice juridique", "ceo", 2005, "fr en"],
  ["jsoc", "Mehdi", "Bouzid", JUR, LYON, "Juriste droit social", "dj", 2017, "fr ar"],
  ["jaff", "Clémence", "Hoarau", JUR, PARIS, "Juriste droit des affaires", "dj", 2020, "fr en"],
  ["ajur", "Sylvie", "Marchand", JUR, LYON, "Assistante juridique", "dj", 2003, "fr"],

  // Systèmes d'information: a mid-size group has a "responsable SI" rather than a CIO.
  ["rsi", "Loïc", "Kerbrat", SI, LYON, "Responsable des systèmes d'information", "ceo", 2009, "fr en"],
  ["erp", "Fatoumata", "N'Diaye", SI, LYON, "Cheffe de projet ERP", "rsi", 2015, "fr en"],
  ["lead", "Antoine", "Chevalier", SI, LYON, "Chef d'équipe développement", "rsi", 2014, "fr en"],
  ["fsdev", "Noémie", "Ferreira", SI, LYON, "Développeuse full-stack", "lead", 2025, "fr en pt"],
  ["bedev", "Bastien", "Marty", SI, LYON, "Développeur back-end", "lead", 2019, "fr en"],
  ["altdev", "Enzo", "Marchetti", SI, LYON, "Alternant développeur web", "lead", 2025, "fr it"],
  ["infra", "Samir", "Cherif", SI, LYON, "Responsable infrastructure et sécurité", "rsi", 2011, "fr en"],
  ["supp", "Océane", "Lefèvre", SI, LYON, "Technicienne support informatique", "infra", 2022, "fr"],
  ["cyber", "Kevin", "Tran", SI, LYON, "Analyste cybersécurité", "infra", 2023, "fr en"],

  // Marketing et communication
  ["dmkt", "Valérie", "Dumas", MKT, LYON, "Directrice marketing et communication", "ceo", 2007, "fr en es"],
  ["cdp1", "François", "Bertrand", MKT, LYON, "Chef de produit", "dmkt", 2012, "fr en"],
  ["cdp2", "Éloïse", "Marchal", MKT, LYON, "Cheffe de produit", "dmkt", 2018, "fr en it"],
  ["etud", "Romain", "Giraud", MKT, LYON, "Chargé d'études marketing", "dmkt", 2019, "fr"],
  ["rcom", "Aurélie", "Gauthier", MKT, PARIS, "Responsable communication", "dmkt", 2010, "fr en"],
  ["digit", "Zoé", "Lemaire", MKT, PARIS, "Chargée de communication digitale", "rcom", 2023, "fr en"],
  ["altmk", "Yanis", "Belkacem", MKT, PARIS, "Alternant marketing digital", "rcom", 2025, "fr en ar"],
  ["ux", "Camille", "Pham", MKT, PARIS, "UX designer", "rcom", 2024, "fr en"],
  ["graph", "Manon", "Robin", MKT, LYON, "Graphiste", "rcom", 2021, "fr"],

  // Ventes: Paris for key accounts, regional teams in Toulouse and Lille.
  ["dcom", "Martine", "Lecœur", VEN, PARIS, "Directrice commerciale", "ceo", 1999, "fr en es"],
  ["rgc", "Stéphane", "Moreau", VEN, PARIS, "Responsable grands comptes", "dcom", 2004, "fr en"],
  ["attp", "Emma", "Joly", VEN, PARIS, "Attachée commerciale grands comptes", "rgc", 2024, "fr"],
  ["cvsud", "Jean-Marc", "Castel", VEN, TOULOUSE, "Chef des ventes région Sud", "dcom", 2002, "fr es"],
  ["atts1", "Laetitia", "Vidal", VEN, TOULOUSE, "Attachée commerciale", "cvsud", 2014, "fr es"],
  ["atts2", "Nicolas", "Sanchez", VEN, TOULOUSE, "Attaché commercial", "cvsud", 2017, "fr es"],
  ["cvnord", "Christelle", "Vandamme", VEN, LILLE, "Cheffe des ventes région Nord", "dcom", 2005, "fr en de"],
  ["attn1", "Benoît", "Delattre", VEN, LILLE, "Attaché commercial", "cvnord", 2011, "fr"],
  ["attn2", "Pauline", "Dufour", VEN, LILLE, "Attachée commerciale", "cvnord", 2022, "fr"],
  ["recom", "Alexandre", "Cohen", VEN, PARIS, "Responsable e-commerce", "dcom", 2016, "fr en"],
  ["cecom", "Chloé", "Marie", VEN, PARIS, "Chargée e-commerce", "recom", 2023, "fr en"],
  ["adv", "Corinne", "Roussel", VEN, PARIS, "Assistante administration des ventes", "dcom", 2000, "fr"],
  ["mtl", "Mathieu", "Gagnon", VEN, MONTREAL, "Responsable du développement Amérique du Nord", "dcom", 2019, "fr en"],

  // Service client: centralised in Toulouse.
  ["dxc", "Olivier", "Barbier", SC, TOULOUSE, "Directeur de l'expérience client", "ceo", 2003, "fr en"],
  ["rsc", "Nadia", "Mansouri", SC, TOULOUSE, "Responsable du service client", "dxc", 2009, "fr en ar"],
  ["cerc", "Damien", "Fabre", SC, TOULOUSE, "Chef d'équipe relation client", "rsc", 2013, "fr"],
  ["cc1", "Sarah", "Azoulay", SC, TOULOUSE, "Conseillère clientèle", "cerc", 2021, "fr"],
  ["cc2", "Kévin", "Payet", SC, TOULOUSE, "Conseiller clientèle", "cerc", 2022, "fr"],
  ["cc3", "Aïcha", "Traoré", SC, TOULOUSE, "Conseillère clientèle", "cerc", 2024, "fr"],
  ["cc4", "Ana", "Pereira", SC, TOULOUSE, "Conseillère clientèle bilingue", "cerc", 2020, "fr pt es"],
  ["cc5", "Théo", "Ramirez", SC, TOULOUSE, "Conseiller clientèle", "cerc", 2025, "fr es"],
  ["sav", "Guillaume", "Rey", SC, TOULOUSE, "Technicien SAV", "rsc", 2015, "fr"],

  // Production: the Nantes plant, deepest chain of the tree (5 levels).
  ["dprod", "Jean-Pierre", "Le Floch", PROD, NANTES, "Directeur de production", "ceo", 1994, "fr de"],
  ["rq", "Sandrine", "Guérin", PROD, NANTES, "Responsable qualité", "dprod", 2006, "fr"],
  ["tq", "Marine", "Boucher", PROD, NANTES, "Technicienne qualité", "rq", 2019, "fr"],
  ["rmaint", "Hervé", "Riou", PROD, NANTES, "Responsable maintenance", "dprod", 1997, "fr"],
  ["tm1", "Élodie", "Texier", PROD, NANTES, "Technicienne de maintenance", "rmaint", 2016, "fr"],
  ["tm2", "Jordan", "Guillou", PROD, NANTES, "Technicien de maintenance", "rmaint", 2021, "fr"],
  ["ratel", "Rachid", "Amrani", PROD, NANTES, "Responsable d'atelier assemblage", "dprod", 2002, "fr ar"],
  ["cemont", "Sébastien", "Jaouen", PROD, NANTES, "Chef d'équipe montage", "ratel", 2008, "fr"],
  ["op1", "Mélanie", "Brunet", PROD, NANTES, "Opératrice de production", "cemont", 2018, "fr"],
  ["op2", "Dylan", "Hamon", PROD, NANTES, "Opérateur de production", "cemont", 2023, "fr"],
  ["op3", "Fatima", "Ouali", PROD, NANTES, "Opératrice de production", "cemont", 2012, "fr ar"],
  ["op4", "Christine", "Le Bras", PROD, NANTES, "Opératrice de production", "cemont", 1992, "fr"],
  ["ceinj", "Gwénaëlle", "Le Roux", PROD, NANTES, "Cheffe d'équipe injection plastique", "ratel", 2010, "fr"],
  ["regl", "Thierry", "Pasquier", PROD, NANTES, "Régleur sur presse à injecter", "ceinj", 1999, "fr"],
  ["op5", "Moussa", "Diallo", PROD, NANTES, "Opérateur de production", "ceinj", 2020, "fr"],
  ["meth", "Marion", "Lebreton", PROD, NANTES, "Ingénieure méthodes industrielles", "dprod", 2015, "fr en de"],
  ["concep", "Paul", "Nguyen", PROD, NANTES, "Ingénieur conception produit", "dprod", 2013, "fr en"],

  // Logistique: the Lille distribution centre.
  ["dsc", "Arnaud", "Vasseur", LOG, LILLE, "Directeur de la supply chain", "ceo", 2006, "fr en"],
  ["rlog", "Brigitte", "Hennebert", LOG, LILLE, "Responsable logistique", "dsc", 2001, "fr en"],
  ["ceent", "Ludovic", "Carpentier", LOG, LILLE, "Chef d'équipe entrepôt", "rlog", 2007, "fr"],
  ["prep1", "Mickaël", "Dubois", LOG, LILLE, "Préparateur de commandes", "ceent", 2019, "fr"],
  ["prep2", "Samia", "Boukhari", LOG, LILLE, "Préparatrice de commandes", "ceent", 2022, "fr ar"],
  ["prep3", "Kader", "Messaoudi", LOG, LILLE, "Préparateur de commandes", "ceent", 2010, "fr ar"],
  ["cari", "Florian", "Dupont", LOG, LILLE, "Cariste", "ceent", 2015, "fr"],
  ["appro", "Justine", "Caron", LOG, LILLE, "Approvisionneuse", "dsc", 2018, "fr"],
  ["rtr", "Cédric", "Da Silva", LOG, LILLE, "Responsable transports", "dsc", 2011, "fr pt"],
  ["gtr", "Agathe", "Leroy", LOG, LILLE, "Gestionnaire transport", "rtr", 2024, "fr"],
  ["ach", "Vincent", "Muller", LOG, LILLE, "Acheteur industriel", "dsc", 2014, "fr de"],
];

/**
 * Demo logins. Juniors sit in digital jobs and seniors in long-tenured
 * leadership roles across different departments, so most junior/senior pairs
 * are outside each other's reporting line and can be matched. The Finance
 * data analyst deliberately reports (indirectly) to the DAF, so the demo also
 * shows a pair the matching must exclude.
 */
const ACCOUNTS: readonly (readonly [key: string, label: DemoAccount["label"], roles: DemoAccount["roles"]])[] = [
  ["rsi", "admin", ["admin"]],
  ["hrm", "hr-manager", ["manager", "participant"]],
  ["data", "junior", ["participant"]],
  ["digit", "junior", ["participant"]],
  ["fsdev", "junior", ["participant"]],
  ["altmk", "junior", ["participant"]],
  ["altdev", "junior", ["participant"]],
  ["daf", "senior", ["participant"]],
  ["dcom", "senior", ["participant"]],
  ["dprod", "senior", ["participant"]],
  ["rlog", "senior", ["participant"]],
];

/**
 * Turns a name into an email local part: lowercase ASCII, accents stripped,
 * ligatures expanded (NFD does not decompose œ/æ), spaces and apostrophes
 * turned into "-".
 */
function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Builds the demo company. Returns fresh objects on every call so callers may
 * mutate the result without affecting later calls; two calls are deep-equal.
 */
export function buildDemoCompany(): { name: string; people: DemoPerson[]; accounts: DemoAccount[] } {
  const idByKey = new Map<string, string>();
  ROWS.forEach((row, index) => {
    if (idByKey.has(row[0])) throw new Error(`Duplicate demo key: ${row[0]}`);
    idByKey.set(row[0], `E${String(index + 1).padStart(5, "0")}`);
  });
  const idOf = (key: string): string => {
    const id = idByKey.get(key);
    if (id === undefined) throw new Error(`Unknown demo key: ${key}`);
    return id;
  };

  const usedEmails = new Set<string>();
  const people: DemoPerson[] = ROWS.map(([key, firstName, lastName, department, site, jobTitle, managerKey, hireYear, languages]) => {
    const base = `${slug(firstName)}.${slug(lastName)}`;
    // Homonyms happen in real companies; suffix a digit rather than fail.
    let local = base;
    for (let n = 2; usedEmails.has(local); n++) local = `${base}${n}`;
    usedEmails.add(local);
    return {
      employeeId: idOf(key),
      firstName,
      lastName,
      email: `${local}@${DEMO_DOMAIN}`,
      department,
      site,
      jobTitle,
      managerEmployeeId: managerKey === null ? null : idOf(managerKey),
      hireYear,
      languages: languages.split(" "),
      timeZone: site === MONTREAL ? MONTREAL_TZ : PARIS_TZ,
    };
  });

  const accounts: DemoAccount[] = ACCOUNTS.map(([key, label, roles]) => ({
    employeeId: idOf(key),
    roles: [...roles],
    label,
  }));

  return { name: DEMO_COMPANY_NAME, people, accounts };
}
