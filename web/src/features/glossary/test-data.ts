/** Glossary terms for the feature's tests. */
import type { GlossaryTerm, GlossaryTermList } from "../../../../contracts/glossary.ts";

let serial = 0;

export function aTerm(values: Partial<GlossaryTerm> = {}): GlossaryTerm {
  serial++;
  return {
    id: `00000000-0000-4000-8000-${serial.toString().padStart(12, "0")}`,
    term: "CRUD",
    definition: { fr: "Créer, lire, modifier, supprimer : les quatre opérations sur des données.", en: "Create, read, update, delete." },
    example: { fr: "Le fichier clients est un simple CRUD.", en: "The customer file is a plain CRUD." },
    skillIds: ["crud_sql"],
    status: "approved",
    isSeeded: true,
    proposedBy: null,
    isMine: false,
    createdAt: "2026-03-01T09:00:00.000Z",
    reviewedAt: null,
    ...values,
  };
}

export const GLOSSARY: GlossaryTerm[] = [
  aTerm(),
  aTerm({
    term: "growth hacking",
    definition: { fr: "Des techniques de marketing rapides et mesurées.", en: "Quick, measured marketing techniques." },
    example: { fr: "Offrir un mois gratuit au parrain.", en: "A free month for referrals." },
    skillIds: ["growth"],
  }),
  aTerm({
    term: "tableau croisé dynamique",
    definition: { fr: "Résume un grand tableau en quelques clics.", en: "Pivot table: sums up a large table." },
    example: { fr: "", en: "" },
    skillIds: ["excel"],
  }),
  aTerm({ term: "API", definition: { fr: "Une prise entre deux logiciels.", en: "A socket between two programs." }, skillIds: [] }),
];

export const list = (items: GlossaryTerm[], proposedCount: number | null = null): GlossaryTermList => ({ items, proposedCount });
