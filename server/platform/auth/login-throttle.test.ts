import { describe, expect, it } from "vitest";
import { throttledAddress } from "./login-throttle.ts";

describe("the address login throttling counts", () => {
  it("is the IPv4 address itself, also when written as IPv4-mapped IPv6", () => {
    expect(throttledAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(throttledAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("is the /64 of an IPv6 address: one subscriber's block, which one person can rotate through", () => {
    expect(throttledAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(throttledAddress("2001:0DB8:0001:0002:0:0:0:1")).toBe("2001:db8:1:2::/64");
    expect(throttledAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttledAddress("2001:db8:1:2::")).toBe("2001:db8:1:2::/64");
    expect(throttledAddress("::1")).toBe("0:0:0:0::/64");
    expect(throttledAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(throttledAddress("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });
});
