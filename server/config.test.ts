import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("configuration", () => {
  it("has defaults that run on the embedded database in ./data", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: path.resolve("data"),
      publicUrl: "http://127.0.0.1:3000",
    });
    expect(config.session).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
  });

  it("names each wrong variable", () => {
    expect(() => loadConfig({ PORT: "abc", PASSERELLE_SESSION_IDLE_MINUTES: "-1" })).toThrow(/PORT[\s\S]*PASSERELLE_SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ PASSERELLE_ADMIN_EMAIL: "a@example.fr" })).toThrow(/must be set together/);
  });
});

describe("PASSERELLE_TRUST_PROXY", () => {
  const trustProxy = (value: string) => loadConfig({ PASSERELLE_TRUST_PROXY: value }).trustProxy;

  it("trusts no proxy by default, and any proxy with true", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trustProxy("false")).toBe(false);
    expect(trustProxy("true")).toBe(true);
  });

  it("takes the proxies' addresses, networks (CIDR) and proxy-addr's named ranges, as a list", () => {
    expect(trustProxy("127.0.0.1")).toEqual(["127.0.0.1"]);
    expect(trustProxy(" 127.0.0.1 , 10.0.0.0/8,::1, fd00::/8 ")).toEqual(["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"]);
    expect(trustProxy("loopback,uniquelocal")).toEqual(["loopback", "uniquelocal"]);
  });

  it("refuses a hop count, saying why and what to write instead", () => {
    // Fastify ≥ 5.12.1 ignores a number (it cannot tell who is connecting): accepting one would trust nothing, silently.
    expect(() => trustProxy("1")).toThrow(/PASSERELLE_TRUST_PROXY: .*hop count.*127\.0\.0\.1/);
  });

  it("names the variable and the wrong entry for anything else", () => {
    for (const wrong of ["yes", "10.0.0.0/33", "300.1.1.1", "127.0.0.1,", "::1/129", "10.0.0.0/8/1", "10.0.0.0/abc"]) {
      expect(() => trustProxy(wrong), wrong).toThrow(/PASSERELLE_TRUST_PROXY/);
    }
    expect(() => trustProxy("127.0.0.1, proxy.local")).toThrow(/PASSERELLE_TRUST_PROXY: .*“proxy\.local”/);
  });
});

describe("email settings", () => {
  it("keeps emails in the outbox when no SMTP server is named, from an address of the public host", () => {
    const config = loadConfig({ PASSERELLE_PUBLIC_URL: "https://mentorat.acme.fr" });
    expect(config.smtpUrl).toBeUndefined();
    expect(config.mailFrom).toBe("Passerelle <passerelle@mentorat.acme.fr>");
  });

  it("takes an SMTP URL and a From address", () => {
    const config = loadConfig({ SMTP_URL: "smtps://rh:secret@smtp.acme.fr:465", PASSERELLE_MAIL_FROM: "Mentorat <mentorat@acme.fr>" });
    expect(config).toMatchObject({ smtpUrl: "smtps://rh:secret@smtp.acme.fr:465", mailFrom: "Mentorat <mentorat@acme.fr>" });
  });

  it("refuses anything but an smtp:// or smtps:// URL, naming the variable", () => {
    expect(() => loadConfig({ SMTP_URL: "smtp.acme.fr:587" })).toThrow(/SMTP_URL: expected smtp:\/\/user:password@host:port/);
  });
});
