import { describe, expect, it } from "vitest";
import { redactUrl } from "./app.ts";

describe("log redaction", () => {
  it("hides one-time tokens carried in URLs", () => {
    expect(redactUrl("/api/invitations/abcDEF123_-/accept")).toBe("/api/invitations/[redacted]/accept");
    expect(redactUrl("/setup?token=abc&x=1")).toBe("/setup?token=[redacted]&x=1");
    expect(redactUrl("/invitation/abcDEF123_-")).toBe("/invitation/[redacted]");
    expect(redactUrl("/reset-password?token=abc")).toBe("/reset-password?token=[redacted]");
    expect(redactUrl("/api/mail/unsubscribe/7f0c2a9e-4c1b-4d5e-9f3a-2b6c8d0e1f23")).toBe("/api/mail/unsubscribe/[redacted]");
    expect(redactUrl("/unsubscribe/7f0c2a9e-4c1b-4d5e-9f3a-2b6c8d0e1f23")).toBe("/unsubscribe/[redacted]");
    expect(redactUrl("/api/me")).toBe("/api/me");
  });
});
