/**
 * The pilot's pairs at work, told through the app's own use cases on the story's clock (see
 * demo-programmes.ts): the day after their intro coffee each pair writes goals both ways (the senior's
 * digital one, the junior's own) and agrees to them; two sessions every two weeks, the mentee preparing
 * the agenda and the mentor adding to it; after each, both write notes (the mentor shares theirs) and a
 * journal entry, an action item and a progress update; some goals achieved with evidence, half of those
 * signed off; a few resources; and a session ahead for each pair, its agenda prepared or not yet.
 * The demo logins' pair also has a session that began an hour ago and is not marked yet, agenda empty:
 * e2e/workspace.spec.ts prepares it, holds it and writes its notes.
 */
import type { Database } from "../db/client.ts";
import { addGoalUpdate, agreeToGoal, createGoal, goalTemplates, signOffGoal } from "../modules/goals/index.ts";
import { addActionItem, addAgendaItem, addResource, recordOutcome, saveSessionNotes, scheduleSession } from "../modules/sessions/index.ts";
import type { CurrentUser } from "../platform/auth/session-store.ts";
import type { Clock } from "../platform/clock/clock.ts";

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

type DemoPair = { id: string; mentorId: string; menteeId: string };

const AGENDAS = [
  {
    topic: "Automatiser le rapport mensuel des ventes",
    practice: "Créer ensemble un tableau croisé dynamique",
    question: "Comment mes équipes vivent-elles le passage au tout-numérique ?",
  },
  {
    topic: "Tenir une visio efficace avec mon équipe",
    practice: "Partager mon écran et enregistrer une réunion Teams",
    question: "Comment préparer une prise de parole en comité de direction ?",
  },
  {
    topic: "Publier sur LinkedIn sans aide",
    practice: "Écrire et programmer un premier post",
    question: "Comment se décide un budget dans la direction financière ?",
  },
  {
    topic: "Utiliser un assistant IA pour mes comptes rendus",
    practice: "Rédiger un prompt et vérifier la réponse",
    question: "Comment gérer un désaccord avec un client important ?",
  },
] as const;

const NOTES = {
  mentor: "Nous avons repris le rapport étape par étape ; la partie filtres reste à travailler. Bonne énergie, questions précises.",
  mentee: "J’ai compris la logique des formules qui se recopient. Je dois m’entraîner seul avant la prochaine séance.",
  journalMentor: "Expliquer sans jargon m’oblige à vraiment comprendre ce que je fais. J’ai appris comment se prépare un comité.",
  journalMentee: "Moins d’appréhension devant l’outil. Noter les raccourcis au fur et à mesure m’aide.",
};

const RESOURCES = [
  { title: "Tutoriel Microsoft : tableaux croisés dynamiques", url: "https://support.microsoft.com/fr-fr/excel" },
  { title: "Guide de la CNIL : sécuriser ses comptes", url: "https://www.cnil.fr/fr/securite-des-donnees" },
  { title: "LinkedIn : écrire un bon post", url: "https://www.linkedin.com/help/linkedin" },
] as const;

/**
 * Seeds the workspaces of `pairs` (active, intro coffee at `coffeeOf(k)`), walking `story` up to `today`.
 * `memberOf` gives the account of a person of a pair; `loginPairIds` are the pairs of the demo logins.
 */
export async function seedDemoWorkspaces(
  database: Database,
  story: Clock & { set(at: Date): void },
  today: Date,
  pairs: readonly DemoPair[],
  coffeeOf: (k: number) => Date,
  memberOf: (personId: string) => CurrentUser,
  loginPairIds: ReadonlySet<string>,
  mail: { from: string; publicUrl: string },
): Promise<void> {
  const deps = { database, clock: story, mail };
  const templates = goalTemplates();
  const digital = templates.filter((t) => t.learnerRole === "mentee");
  const givenBack = templates.filter((t) => t.learnerRole === "mentor");
  /** 12:30 in Paris (11:30 UTC in winter), `days` after `from`, moved to the Monday after when it falls on a weekend. */
  const lunch = (from: Date, days: number) => {
    const d = new Date(from.getTime() + days * DAY);
    d.setUTCHours(11, 30, 0, 0);
    const weekday = d.getUTCDay();
    if (weekday === 6 || weekday === 0) d.setUTCDate(d.getUTCDate() + (weekday === 6 ? 2 : 1));
    return d;
  };
  const dueIn = (weeks: number) => new Date(story.now().getTime() + weeks * 7 * DAY).toISOString().slice(0, 10);

  for (const [k, pair] of pairs.entries()) {
    const mentor = memberOf(pair.mentorId);
    const mentee = memberOf(pair.menteeId);
    const coffee = coffeeOf(k);
    const agenda = AGENDAS[k % AGENDAS.length] as (typeof AGENDAS)[number];

    // The day after the coffee: goals both ways, each agreed by the partner.
    story.set(new Date(coffee.getTime() + DAY));
    const seniorTemplate = digital[(k * 7) % digital.length];
    const juniorTemplate = givenBack[(k * 3) % givenBack.length];
    if (!seniorTemplate || !juniorTemplate) throw new Error("catalogue/goal-templates.yaml has no template for one direction");
    const seniorGoal = await createGoal(
      {
        pairId: pair.id,
        learnerRole: "mentee",
        skillIds: [seniorTemplate.skillId],
        statement: seniorTemplate.statement.fr,
        target: seniorTemplate.target.fr,
        dueOn: dueIn(seniorTemplate.weeks),
        templateId: seniorTemplate.id,
      },
      mentee,
      deps,
    );
    const juniorGoal = await createGoal(
      {
        pairId: pair.id,
        learnerRole: "mentor",
        skillIds: [juniorTemplate.skillId],
        statement: juniorTemplate.statement.fr,
        target: juniorTemplate.target.fr,
        dueOn: dueIn(juniorTemplate.weeks),
        templateId: juniorTemplate.id,
      },
      mentor,
      deps,
    );
    story.set(new Date(coffee.getTime() + DAY + 3 * HOUR));
    await agreeToGoal({ goalId: seniorGoal.id }, mentor, deps);
    await agreeToGoal({ goalId: juniorGoal.id }, mentee, deps);
    await addResource(pair.id, RESOURCES[k % RESOURCES.length] as (typeof RESOURCES)[number], mentor, deps);

    // Two sessions a fortnight apart, each prepared, held, and written up.
    const held = [lunch(coffee, 6), lunch(coffee, 20)].filter((startsAt) => startsAt.getTime() < today.getTime() - 3 * HOUR);
    for (const [n, startsAt] of held.entries()) {
      story.set(new Date(startsAt.getTime() - 5 * DAY));
      const session = await scheduleSession(
        pair.id,
        { startsAt: startsAt.toISOString(), mode: "online", location: "https://visio.example.com/binome" },
        mentee,
        deps,
      );
      story.set(new Date(startsAt.getTime() - 3 * DAY));
      await addAgendaItem(session.id, { kind: "topic", text: agenda.topic, goalId: seniorGoal.id }, mentee, deps);
      await addAgendaItem(session.id, { kind: "practice", text: agenda.practice }, mentee, deps);
      story.set(new Date(startsAt.getTime() - 2 * DAY));
      await addAgendaItem(session.id, { kind: "question", text: agenda.question, goalId: juniorGoal.id }, mentor, deps);
      story.set(new Date(startsAt.getTime() + 2 * HOUR));
      await recordOutcome(session.id, { status: "held" }, mentee, deps);
      await saveSessionNotes(session.id, { notes: NOTES.mentor, journal: NOTES.journalMentor, isShared: true }, mentor, deps);
      await saveSessionNotes(session.id, { notes: NOTES.mentee, journal: NOTES.journalMentee, isShared: false }, mentee, deps);
      await addActionItem(
        session.id,
        { text: "Refaire l’exercice seul et noter les blocages", ownerPersonId: pair.menteeId, dueOn: dueIn(1) },
        mentee,
        deps,
      );
      // The demo logins' goals stay in progress: e2e/workspace.spec.ts achieves and signs one off.
      const isAchieved = n === 1 && k % 2 === 0 && !loginPairIds.has(pair.id);
      await addGoalUpdate(
        isAchieved
          ? {
              goalId: seniorGoal.id,
              status: "achieved",
              note: "Fait seul, sans aide, pour le rapport de ce mois.",
              evidenceText: "Rapport mensuel envoyé au comité, préparé seul.",
            }
          : {
              goalId: seniorGoal.id,
              status: "in_progress",
              note: n === 0 ? "Première étape faite pendant la séance." : "Fait une fois seul, avec la fiche de la séance sous les yeux.",
            },
        mentee,
        deps,
      );
      const juniorNote =
        n === 0 ? "J’ai préparé l’ordre du jour du point d’équipe avec ma responsable." : "J’ai animé le point d’équipe de bout en bout.";
      await addGoalUpdate({ goalId: juniorGoal.id, status: "in_progress", note: juniorNote }, mentor, deps);
      if (isAchieved && k % 4 === 0) {
        story.set(new Date(startsAt.getTime() + 5 * HOUR));
        await signOffGoal({ goalId: seniorGoal.id }, mentor, deps);
      }
    }

    // What is ahead: the demo logins' pair has a session that began an hour ago (not marked yet, agenda empty);
    // every pair has its next one in a few days, its agenda prepared for every other pair.
    story.set(new Date(today.getTime() - 2 * DAY));
    if (loginPairIds.has(pair.id)) {
      const now = new Date(today.getTime() - HOUR);
      now.setUTCMinutes(now.getUTCMinutes() - (now.getUTCMinutes() % 15), 0, 0);
      await scheduleSession(pair.id, { startsAt: now.toISOString(), mode: "in_person", location: "Salle Lumière, 2e étage" }, mentor, deps);
    }
    const next = await scheduleSession(
      pair.id,
      { startsAt: lunch(today, 3 + (k % 5)).toISOString(), mode: "online", location: "https://visio.example.com/binome" },
      mentee,
      deps,
    );
    if (k % 2 === 1) await addAgendaItem(next.id, { kind: "topic", text: agenda.topic }, mentee, deps);
  }
}
