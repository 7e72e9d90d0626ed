import { describe, expect, it } from "vitest";
import { addMonths } from "./labels.tsx";

describe("addMonths", () => {
  it("keeps the day of the month when the target month has it", () => {
    expect(addMonths("2026-03-15", 6)).toBe("2026-09-15");
    expect(addMonths("2026-01-10", 1)).toBe("2026-02-10");
  });

  it("ends on the last day of a shorter month instead of spilling into the next one", () => {
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-05-31", 1)).toBe("2026-06-30");
  });

  it("crosses years", () => {
    expect(addMonths("2026-12-01", 1)).toBe("2027-01-01");
    expect(addMonths("2026-10-15", 24)).toBe("2028-10-15");
  });
});
