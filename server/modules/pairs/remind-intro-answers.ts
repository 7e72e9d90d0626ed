import { notify } from "../notifications/index.ts";
import { decideIntroReminders, introRemindersDueUntil } from "./pairs.domain.ts";
import * as repo from "./pairs.repository.ts";
import type { PairsDeps } from "./pairs-deps.ts";

/**
 * Once an intro meeting's time has passed, each person who has not answered yet is asked to, once
 * (run by the server's sweep, with the proposals' expiry). Returns how many were asked.
 */
export async function remindIntroAnswers(deps: PairsDeps): Promise<number> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const due = await repo.introsToRemind(tx, introRemindersDueUntil(now));
    if (!due.length) return 0;
    const ids = due.map((p) => p.id);
    const answers = await repo.introAnswersOf(tx, ids);
    const names = await repo.programmeNames(tx, [...new Set(due.map((p) => p.programmeId))]);
    const notices = decideIntroReminders(due, answers, names);
    await notify(tx, notices, now);
    await repo.markIntroReminded(tx, ids, now);
    return notices.length;
  });
}
