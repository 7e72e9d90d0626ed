import { describe, expect, it } from "vitest";
import { redactUrl } from "./app.ts";

describe("log redaction", () => {
  it("hides one-time tokens carried in URLs", () => {
    expect(redactUrl("/api/invitations/abcDEF123_-/accept")).toBe("/api/invitations/[redacted]/accept");
    expect(redactUrl("/setup?token=abc&x=1")).toBe("/setup?token=[redacted]&x=1");
    expect(redactUrl("/api/me")).toBe("/api/me");
  });
});
