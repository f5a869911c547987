// A 200 answer that is not STS's (a captive portal's sign-in page, a misrouted proxy) is a failure.

import { describe, expect, it } from "vitest";
import { useCliWorld } from "./support/world.js";

const world = useCliWorld();

const PORTAL_PAGE = "<html><body><p>Please sign in to the Wi-Fi</p></body></html>";
const NO_IDENTITY =
  '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult/></GetCallerIdentityResponse>';

describe("an HTTP 200 that holds no STS answer", () => {
  it.each([
    [
      "json",
      "a captive portal's page",
      "text/html",
      PORTAL_PAGE,
      /^lanyard: could not decode the GetCallerIdentity response \(HTTP 200\)/,
    ],
    [
      "text",
      "a captive portal's page",
      "text/html",
      PORTAL_PAGE,
      /^lanyard: could not decode the GetCallerIdentity response \(HTTP 200\)/,
    ],
    [
      "json",
      "an empty result",
      "text/xml",
      NO_IDENTITY,
      /^lanyard: STS answered GetCallerIdentity without an identity\n/,
    ],
    [
      "text",
      "an empty result",
      "text/xml",
      NO_IDENTITY,
      /^lanyard: STS answered GetCallerIdentity without an identity\n/,
    ],
  ])("whoami --output %s, %s: prints nothing and exits 1", async (output, _, contentType, body, stderr) => {
    world.sts.answerAll = () => ({ status: 200, contentType, body });
    const result = await world.home.run([
      "whoami",
      "--profile",
      "base",
      "--output",
      output,
      "--endpoint-url",
      world.sts.url,
    ]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(stderr);
  });
});
