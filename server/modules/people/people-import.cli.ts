import fs from "node:fs";
import path from "node:path";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError } from "../../platform/errors/app-error.ts";
import { type Locale, translator } from "../../platform/i18n/i18n.ts";
import type { ImportCounts } from "./people-import.domain.ts";
import { importFile } from "./people-import.service.ts";

/**
 * The counts `--json` prints: `created`, `updated` and `deactivated` are what was written (0 for a
 * dry run or a refused file); `wouldCreate`, `wouldUpdate` and `wouldDeactivate` what the check
 * found and was not written (0 once applied). `unchanged` is what the file leaves as it is.
 */
export function presentCounts(counts: ImportCounts, isApplied: boolean) {
  const written = (n: number) => (isApplied ? n : 0);
  const planned = (n: number) => (isApplied ? 0 : n);
  return {
    isApplied,
    created: written(counts.created),
    updated: written(counts.updated),
    unchanged: counts.unchanged,
    deactivated: written(counts.deactivated),
    wouldCreate: planned(counts.created),
    wouldUpdate: planned(counts.updated),
    wouldDeactivate: planned(counts.deactivated),
  };
}

export type CliContext = { config: Config; locale: Locale; clock: Clock; openDatabase: () => Promise<Database> };

/** `passerelle import-people FILE [--dry-run] [--full-sync] [--json]`. */
export function registerImportPeopleCommand(program: Command, context: () => CliContext) {
  program
    .command("import-people")
    .description("import the people directory from an HR CSV file (; or , separated, UTF-8, UTF-16 or Windows-1252)")
    .argument("<file>", "the CSV file exported from the HR system")
    .option("--dry-run", "check the file and print what would change, change nothing")
    .option("--full-sync", "also deactivate the people missing from the file")
    .option(
      "--json",
      'print {"isApplied","created","updated","unchanged","deactivated","wouldCreate","wouldUpdate","wouldDeactivate","rejected":[{"line","column","reason"}]}: created… = written, would… = not written (dry run, refused file)',
    )
    .action(async (file: string, options: { dryRun?: boolean; fullSync?: boolean; json?: boolean }) => {
      const { locale, clock, openDatabase } = context();
      const t = translator(locale);
      const bytes = fs.readFileSync(file);
      const database = await openDatabase();
      // The bar goes to stderr, and only on a terminal: stdout stays clean for --json and pipes.
      const bar = process.stderr.isTTY
        ? new SingleBar({ format: " {bar} {percentage}% | {value}/{total} | {phase}", hideCursor: true, stream: process.stderr })
        : null;
      try {
        const outcome = await importFile(
          { fileName: path.basename(file), bytes, isFullSync: Boolean(options.fullSync), isDryRun: Boolean(options.dryRun) },
          { database, clock },
          (progress) => {
            if (!bar) return;
            if (progress.phase === "staging" && progress.done <= 5000) bar.start(progress.total, 0, { phase: t("cli.import.staging") });
            bar.update(progress.done, { phase: t(`cli.import.${progress.phase}`) });
            if (progress.phase === "done") bar.stop();
          },
        );
        const rejected = outcome.rejected.map((r) => ({
          line: r.line,
          column: r.column,
          reason: t(`import.rejection.${r.code}`, r.params ?? {}),
        }));
        const counts = presentCounts(outcome.summary.counts, outcome.isApplied);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ ...counts, rejected })}\n`);
        } else {
          for (const r of rejected) console.log(t("cli.import.rejectedRow", r));
          if (outcome.summary.sensitiveColumns.length)
            console.log(t("cli.import.sensitive", { columns: outcome.summary.sensitiveColumns.join(", ") }));
          const key = rejected.length ? "cli.import.refused" : outcome.isApplied ? "cli.import.applied" : "cli.import.dryRun";
          console.log(t(key, { ...counts, rejected: rejected.length }));
        }
        if (rejected.length) process.exitCode = 1;
      } catch (err) {
        bar?.stop();
        if (err instanceof AppError) throw new Error(t(err.messageKey, err.params));
        throw err;
      } finally {
        await database.close();
      }
    });
}
