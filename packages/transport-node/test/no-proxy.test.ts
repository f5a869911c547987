import { isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NoProxyList } from "../src/no-proxy.js";
import { proxyPlan } from "../src/proxy-env.js";

describe("NoProxyList", () => {
  it.each([
    // [NO_PROXY, hostname as URL#hostname gives it, port, bypassed]
    ["sts.amazonaws.com", "sts.amazonaws.com", 443, true],
    ["amazonaws.com", "sts.us-east-1.amazonaws.com", 443, true],
    [".amazonaws.com", "sts.amazonaws.com", 443, true],
    [".amazonaws.com", "amazonaws.com", 443, true],
    ["*.amazonaws.com", "sts.amazonaws.com", 443, true],
    ["amazonaws.com", "notamazonaws.com", 443, false],
    ["sts.amazonaws.com", "amazonaws.com", 443, false],
    ["AmazonAWS.com", "STS.amazonaws.COM", 443, true],
    ["*", "anything.example", 80, true],
    ["example.com, *", "sts.amazonaws.com", 443, true],
    ["sts.amazonaws.com:443", "sts.amazonaws.com", 443, true],
    ["sts.amazonaws.com:8443", "sts.amazonaws.com", 443, false],
    ["169.254.169.254", "169.254.169.254", 80, true],
    ["169.254.169.254", "169.254.169.2540", 80, false],
    ["10.0.0.1", "110.0.0.1", 80, false],
    ["0.0.1", "10.0.0.1", 80, false],
    ["10.0.0.0/8", "10.1.2.3", 80, true],
    ["10.0.0.0/8", "11.1.2.3", 80, false],
    ["::1", "[::1]", 443, true],
    ["[::1]", "[::1]", 443, true],
    ["[::1]:8443", "[::1]", 443, false],
    ["[::1]:8443", "[::1]", 8443, true],
    ["fd00::/8", "[fd12::1]", 443, true],
    ["127.0.0.1", "localhost", 80, false],
    ["", "sts.amazonaws.com", 443, false],
    [" , ,", "sts.amazonaws.com", 443, false],
    ["*example.com", "sts.example.com", 443, false],
  ])("NO_PROXY=%j for %s:%i bypasses: %s", (list, hostname, port, expected) => {
    expect(new NoProxyList(list).bypasses(hostname, port)).toBe(expected);
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
  const domain = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join("."));

  it("matches a domain entry's host and every subdomain, with or without a leading dot", () => {
    fc.assert(
      fc.property(domain, fc.array(label, { maxLength: 3 }), fc.boolean(), (entry, prefix, dotted) => {
        const host = [...prefix, entry].join(".");
        // Digits-only labels can spell IP addresses, which match as addresses only (curl's rule).
        fc.pre(isIP(host) === 0 && isIP(entry) === 0);
        expect(new NoProxyList(dotted ? `.${entry}` : entry).bypasses(host, 443)).toBe(true);
      }),
    );
  });

  it("never matches a host that merely ends with the entry's characters", () => {
    fc.assert(
      fc.property(domain, label, (entry, glued) => {
        expect(new NoProxyList(entry).bypasses(`${glued}${entry}`, 443)).toBe(false);
      }),
    );
  });
});

describe("proxyPlan", () => {
  it("honours nothing with proxy false, and nothing when no variable is set", () => {
    expect(proxyPlan(false, { HTTPS_PROXY: "http://proxy:3128" })).toBeUndefined();
    expect(proxyPlan("env", { HTTPS_PROXY: "", https_proxy: "" })).toBeUndefined();
  });

  it("prefers the lower-case variable, and reads a value without a scheme as http://", () => {
    const plan = proxyPlan("env", { HTTPS_PROXY: "http://upper:1", https_proxy: "lower.corp:3128" });
    expect(plan?.https?.href).toBe("http://lower.corp:3128/");
    expect(plan?.http).toBeUndefined();
  });

  it("ignores upper-case HTTP_PROXY under CGI (httpoxy) but not http_proxy", () => {
    expect(proxyPlan("env", { HTTP_PROXY: "http://evil:1", REQUEST_METHOD: "GET" })).toBeUndefined();
    expect(proxyPlan("env", { http_proxy: "http://ok:1", REQUEST_METHOD: "GET" })?.http?.host).toBe("ok:1");
  });

  it("uses an explicit proxy for both schemes and no bypass list", () => {
    const plan = proxyPlan("https://proxy.corp:8443", { NO_PROXY: "*" });
    expect([plan?.http?.href, plan?.https?.href, plan?.noProxy]).toEqual([
      "https://proxy.corp:8443/",
      "https://proxy.corp:8443/",
      undefined,
    ]);
  });

  it("names the variable of an unusable proxy URL without echoing its value", () => {
    expect(() => proxyPlan("env", { HTTPS_PROXY: "http://user:s3cret@[bad" })).toThrow(
      expect.objectContaining({
        code: "network",
        message: expect.stringMatching(/^the proxy in HTTPS_PROXY is not a valid URL; expected http:\/\//),
      }),
    );
  });
});
