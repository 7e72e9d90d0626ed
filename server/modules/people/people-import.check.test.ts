import { describe, expect, it } from "vitest";
import { generateHrRows, toCsv } from "./hr-file-generator.ts";
import { checkFile, checkInWorker } from "./people-import.check.ts";
import { ImportFileError } from "./people-import.domain.ts";

const options = { isFullSync: false, currentYear: 2026 };

describe("checking an HR file off the event loop", () => {
  it("gives on a worker thread exactly what it gives in this thread", async () => {
    const text = toCsv(generateHrRows(8000));
    expect(text.length).toBeGreaterThan(512 * 1024); // big enough for the worker
    const snapshot = checkFile({ text: toCsv(generateHrRows(100)), snapshot: [], options }).result.records;
    const inWorker = await checkInWorker({ text, snapshot, options });
    expect(inWorker).toEqual(checkFile({ text, snapshot, options }));
    expect(inWorker.result.counts).toEqual({ created: 7900, updated: 0, unchanged: 100, deactivated: 0 });
  });

  it("reports a file it cannot read as the thread would, from the worker too", async () => {
    const text = `nom;prenom\n${"Dupont;Jean\n".repeat(60_000)}`;
    await expect(checkInWorker({ text, snapshot: [], options })).rejects.toThrow(ImportFileError);
    await expect(checkInWorker({ text, snapshot: [], options })).rejects.toMatchObject({ code: "missingColumn" });
  });
});
