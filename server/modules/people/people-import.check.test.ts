import { describe, expect, it } from "vitest";
import { generateHrRows, toCsv } from "./hr-file-generator.ts";
import { checkFile, checkInWorker } from "./people-import.check.ts";
import { ImportFileError, parseHrFile, validateImport } from "./people-import.domain.ts";

const options = { isFullSync: false, currentYear: 2026 };

describe("checking an HR file off the event loop", () => {
  it("gives on a worker thread exactly what it gives in this thread", { timeout: 30_000 }, async () => {
    const text = toCsv(generateHrRows(8000));
    expect(text.length).toBeGreaterThan(512 * 1024); // big enough for the worker
    const first = parseHrFile(toCsv(generateHrRows(100)));
    const snapshot = validateImport(first, new Map(), options).records;
    const inWorker = await checkInWorker({ file: { kept: Buffer.from(text) }, snapshot, options, withStaging: true });
    const readable = ({ stagingBatches, ...rest }: typeof inWorker) => ({
      ...rest,
      staged: stagingBatches.map((b) => Buffer.from(b).toString()),
    });
    expect(readable(inWorker)).toEqual(readable(checkFile({ file: { kept: Buffer.from(text) }, snapshot, options, withStaging: true })));
    expect(inWorker.counts).toEqual({ created: 7900, updated: 0, unchanged: 100, deactivated: 0 });
    // Staging takes every valid row once, in the file's order, 5,000 to a batch.
    const staged = inWorker.stagingBatches.flatMap(
      (batch) => JSON.parse(new TextDecoder().decode(batch)) as { seq: number; employeeId: string }[],
    );
    expect(inWorker.stagingBatches).toHaveLength(2);
    expect(staged.map((r) => r.seq)).toEqual([...Array(8000).keys()]);
    expect(staged[42]?.employeeId).toBe("M000043");
  });

  it("reports a file it cannot read as the thread would, from the worker too", { timeout: 30_000 }, async () => {
    const text = `nom;prenom\n${"Dupont;Jean\n".repeat(60_000)}`;
    const job = { file: { bytes: Buffer.from(text) }, snapshot: [], options, withStaging: true };
    await expect(checkInWorker(job)).rejects.toThrow(ImportFileError);
    await expect(checkInWorker(job)).rejects.toMatchObject({ code: "missingColumn" });
  });
});
